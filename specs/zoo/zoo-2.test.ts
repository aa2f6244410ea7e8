import { describeZooShard } from './zoo-cases';

describeZooShard(1, 4);
