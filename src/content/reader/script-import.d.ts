// crxjs: importing a file with `?script` builds it as its own content-script
// bundle (an IIFE for *.iife.ts) and yields its path in the extension, for
// scripting.executeScript({ files }).
declare module '*?script' {
  const fileName: string;
  export default fileName;
}
