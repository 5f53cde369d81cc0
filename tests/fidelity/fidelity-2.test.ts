// The differential suite, second shard (see harness/suite.ts).
import { defineScenarios } from './harness/suite.ts';

defineScenarios(1, 2);
