/** The part of Pagefind's default UI the `/search/` page uses (the package has no types). */
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
    triggerSearch(term: string): void;
  }
}
