/** The decoder's catalog, written at build time by `src/integrations/decoder-catalog.ts`. */
declare module 'virtual:msdk/catalog' {
  const compact: import('./lib/catalog/compact.ts').CompactCatalog;
  export default compact;
}
