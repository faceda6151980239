// generated — do not edit. Produced from spec/openapi.yaml by packages/cli/scripts/generate.mjs.

/** The version of spec/openapi.yaml this build of pa was generated from. */
export const SPEC_VERSION = "1.0.0";
