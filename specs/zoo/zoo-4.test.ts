import { describeZooShard } from './zoo-cases';

describeZooShard(3, 4);
