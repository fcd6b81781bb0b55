/** The compiled knowledge base, provided at build time by `src/knowledge/vite-plugin.ts`. */
declare module 'virtual:fact-context/knowledge' {
  const knowledgeBase: import('./types.ts').KnowledgeBase;
  export default knowledgeBase;
}
