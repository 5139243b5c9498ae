// Modules the Enact build resolves that TypeScript cannot see on its own.
declare module '*.module.less' {
  const classes: Record<string, string>;
  export default classes;
}
declare module '*.png' {
  const url: string;
  export default url;
}
