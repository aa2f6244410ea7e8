import { describeZooShard } from './zoo-cases';

describeZooShard(0, 4);
