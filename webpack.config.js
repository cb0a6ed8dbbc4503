/**
 * Builds the Excel add-in into dist/: the task pane page (also the function file of the ribbon
 * buttons), with the engine bundled, the icons and the manifest. `npm run build` works offline.
 * `npm run dev-server` serves it on https://localhost:3000 with the dev certificates of
 * office-addin-dev-certs (asked for only when serving).
 *
 * PIAO_ADDIN_URL=https://server/percorso/ npm run build  writes dist/manifest.xml pointing there.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const MinimizerPlugin = require('minimizer-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

function manifestFor(content, target = process.env.PIAO_ADDIN_URL) {
  const text = content.toString('utf8');
  if (!target) return text;
  const base = target.endsWith('/') ? target : `${target}/`;
  return text.split(DEV_URL).join(base);
}

/** @param {{ outputPath?: string }} env */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  /** @type {import('webpack').Configuration} */
  const config = {
    mode,
    context: __dirname,
    // `functions` (the custom functions PIAO.*) is a bundle of its own, at a fixed name: the
    // manifest's CustomFunctions extension point names it, and it runs in the JavaScript-only
    // runtime too. The task pane page loads it as well (shared runtime).
    entry: { taskpane: './addin/taskpane/index.tsx', functions: './addin/functions/functions.ts' },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist'),
      filename: (data) => (mode === 'production' && data.chunk?.name !== 'functions' ? '[name].[contenthash:8].js' : '[name].js'),
      clean: true,
    },
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
    target: ['web', 'es2020'],
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // The engine is pure: a Node module reaching the browser bundle is a build error, not a polyfill.
      fallback: {},
    },
    module: {
      rules: [
        // the yearly templates (templates/modelli/*.xlsx) travel inside the bundle as base64 strings,
        // ready for insertWorksheetsFromBase64
        { test: /\.xlsx$/, type: 'asset/inline', generator: { dataUrl: (content) => content.toString('base64') } },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      // functions.json (names, Italian descriptions, parameters) from the JSDoc of functions.ts
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: path.resolve(__dirname, 'addin/functions/functions.ts') }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/aiuto.html', to: 'aiuto.html' },
          // the same templates as files, for copying the sheets by hand on an Excel without ExcelApi 1.13
          { from: 'templates/modelli/*.xlsx', to: 'modelli/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content) },
        ],
      }),
    ],
    optimization: {
      // swc minifies several times faster than terser, with the @swc/core that already compiles the code
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: true, mangle: true } })],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  if (serving) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: PORT,
      static: { directory: config.output.path },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      hot: false,
      liveReload: true,
    };
  }
  return config;
};

module.exports.manifestFor = manifestFor;
module.exports.DEV_URL = DEV_URL;
