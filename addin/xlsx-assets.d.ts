/** An xlsx file imported by the add-in's code: webpack inlines it as a base64 string (webpack.config.js). */
declare module '*.xlsx' {
  const base64: string;
  export default base64;
}
