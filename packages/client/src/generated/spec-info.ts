// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.

/** info.version of the OpenAPI description this client was generated from. */
export const SPEC_VERSION = "1.0.0";

/** sha256 (hex) of that description's openapi.yaml, byte for byte. */
export const SPEC_SHA256 = "139457a42d707a5b68604e083ff272828ff3068916ead8179b66a3d4421202b9";
