// The differential suite, first shard (see harness/suite.ts).
import { defineScenarios } from './harness/suite.ts';

defineScenarios(0, 2);
