/** The elements' version, compared when a second copy of the bundle registers the same tags. */
export const VERSION = '0.1.0';
