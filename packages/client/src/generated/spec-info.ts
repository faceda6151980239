// generated — do not edit. Produced from spec/openapi.yaml by packages/client/scripts/generate.mjs.

/** info.version of the OpenAPI description this client was generated from. */
export const SPEC_VERSION = "1.0.0";

/** sha256 (hex) of that description's openapi.yaml, byte for byte. */
export const SPEC_SHA256 = "73f29e8edad184500cc1b3c7f718c2ac3d3860cef28caffce5812ca73f435f5c";
