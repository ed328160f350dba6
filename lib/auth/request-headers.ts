/** Request headers the proxy sets for the pages (it overwrites any value a client sent). */
export const PATHNAME_HEADER = "x-jg-pathname";
export const NONCE_HEADER = "x-nonce";
