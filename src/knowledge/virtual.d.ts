/** The compiled knowledge base, provided at build time by `src/knowledge/vite-plugin.ts`. */
declare module 'virtual:fact-context/knowledge' {
  const knowledgeBase: import('./types.ts').KnowledgeBase;
  export default knowledgeBase;
}

/** Its companies and claims, as matching needs them: what the content script carries on every page. */
declare module 'virtual:fact-context/knowledge/core' {
  const core: import('./parts.ts').KnowledgeCore;
  export default core;
}

/** Its excerpts, sources and descriptive lines: what the overlay module adds when it loads. */
declare module 'virtual:fact-context/knowledge/details' {
  const details: import('./parts.ts').KnowledgeDetails;
  export default details;
}
