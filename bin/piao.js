#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'build', 'importer', 'cli', 'run.js');
if (!existsSync(entry)) {
  process.stderr.write("piao: il programma non è compilato. Esegui 'npm ci' (o 'npm run build:cli') nella cartella del progetto.\n");
  process.exit(2);
}
require(entry);
