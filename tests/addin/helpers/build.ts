/** Builds the add-in (production, as `npm run build`) and the office.js stand-in into a folder. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import webpack, { Configuration } from 'webpack';

const load = createRequire(__filename);
const ROOT = join(__dirname, '..', '..', '..');

type ConfigFactory = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Configuration>;

export function standinConfig(outputPath: string): Configuration {
  return {
    mode: 'development',
    context: ROOT,
    devtool: false,
    target: ['web', 'es2020'],
    entry: { 'office-standin': './tests/addin/fake-excel/office-standin.ts' },
    output: { path: outputPath, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'], fallback: {} },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } } }],
    },
    stats: 'errors-warnings',
  };
}

function run(configs: Configuration[]): Promise<webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack: nessuna statistica'));
      resolve(stats);
    });
  });
}

/** The add-in into `dist`, the stand-in into `standin`. */
export async function buildAddin(dist: string, standin: string): Promise<void> {
  const factory = load(join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const app = await factory({ outputPath: dist }, { mode: 'production' });
  await run([app, standinConfig(standin)]);
}
