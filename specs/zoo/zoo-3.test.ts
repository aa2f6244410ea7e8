import { describeZooShard } from './zoo-cases';

describeZooShard(2, 4);
