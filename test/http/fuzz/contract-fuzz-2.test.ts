// Shard 2 of the contract fuzzer (test/helpers/fuzz.ts): no operation answers ≥ 500 or a 4xx outside the envelope.
import { describe } from "vitest";
import { fuzzShard } from "../../helpers/fuzz";

describe("contract fuzzer, shard 2", () => fuzzShard(2));
