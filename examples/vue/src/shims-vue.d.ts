// For tools that read TypeScript without Vue's plugin (ESLint): a .vue file is a component. vue-tsc
// reads the .vue files themselves and does not use this.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
