#!/usr/bin/env node
/*
 * Compatibility check of the Devices server against the official Losant JavaScript REST client
 * (npm `losant-rest`, pinned in package.json, used unchanged).
 *
 *   BASE_URL=http://localhost:9380 OWNER_TOKEN=... node compat.js
 *
 * The client is pointed at a small in-process logging proxy that forwards every request to
 * BASE_URL unchanged and remembers the raw request line, body and answer, so that a failing check
 * can show exactly what the client sent and what the server answered. VERBOSE=1 prints every
 * exchange.
 *
 * Prints one line per check and ends with "N passed, M failed"; exits 1 if any check failed.
 */
'use strict';

const http = require('http');
const https = require('https');
const api = require('losant-rest');

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const OWNER_TOKEN = process.env.OWNER_TOKEN || '';
const VERBOSE = process.env.VERBOSE === '1';

if (!BASE_URL || !OWNER_TOKEN) {
  console.error('BASE_URL and OWNER_TOKEN must be set');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Logging proxy: the client talks to it; it forwards byte for byte to BASE_URL.
// ---------------------------------------------------------------------------------------------
const target = new URL(BASE_URL);
const targetPrefix = target.pathname.replace(/\/+$/, '');
const transport = target.protocol === 'https:' ? https : http;
const exchanges = [];

function startProxy() {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.assign({}, req.headers, { host: target.host });
      const exchange = {
        method: req.method,
        url: req.url,
        contentType: req.headers['content-type'],
        requestBody: body.toString('utf8'),
      };
      exchanges.push(exchange);
      const upstream = transport.request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: targetPrefix + req.url,
          headers,
        },
        (up) => {
          const out = [];
          up.on('data', (c) => out.push(c));
          up.on('end', () => {
            const answer = Buffer.concat(out);
            exchange.status = up.statusCode;
            exchange.responseBody = answer.toString('utf8');
            if (VERBOSE) {
              console.log(`#   ${describe(exchange)}`);
            }
            const h = Object.assign({}, up.headers);
            delete h['transfer-encoding'];
            h['content-length'] = answer.length;
            res.writeHead(up.statusCode, h);
            res.end(answer);
          });
        }
      );
      upstream.on('error', (e) => {
        exchange.status = 502;
        exchange.responseBody = `proxy: ${e.message}`;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'ProxyError', message: e.message }));
      });
      upstream.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function short(text, max = 600) {
  if (text === undefined) return '';
  return text.length > max ? `${text.slice(0, max)}...(${text.length} chars)` : text;
}

function describe(x) {
  let s = `${x.method} ${x.url}`;
  if (x.requestBody) s += ` body=${short(x.requestBody)}`;
  s += ` -> ${x.status} ${short(x.responseBody)}`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;

class CheckFailure extends Error {}

function assert(cond, message) {
  if (!cond) throw new CheckFailure(message);
}

/** JSON with object keys sorted: compares values, not the order of an object's fields. */
function canonical(value) {
  return JSON.stringify(value, (k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.keys(v).sort().reduce((o, key) => { o[key] = v[key]; return o; }, {})
      : v);
}

function assertEqual(actual, expected, what) {
  const a = canonical(actual);
  const e = canonical(expected);
  if (a !== e) throw new CheckFailure(`${what}: expected ${e}, got ${a}`);
}

async function check(name, fn) {
  const first = exchanges.length;
  try {
    const detail = await fn();
    passed++;
    console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
    return true;
  } catch (e) {
    failed++;
    const why = e instanceof CheckFailure ? e.message : `${e.constructor.name}: ${e.message}` +
      (e.statusCode ? ` [status ${e.statusCode} type ${e.type}]` : '');
    console.log(`FAIL ${name}: ${why}`);
    for (const x of exchanges.slice(first)) {
      console.log(`#   raw: ${describe(x)}`);
    }
    return false;
  }
}

/** Runs a call that must fail, and returns the client's error. */
async function expectError(promise) {
  try {
    const result = await promise;
    throw new CheckFailure(`expected an error, got success: ${short(JSON.stringify(result), 300)}`);
  } catch (e) {
    if (e instanceof CheckFailure) throw e;
    return e;
  }
}

function assertClientError(err, status, type) {
  assert(err instanceof Error, `expected the client's Error, got ${typeof err}`);
  assertEqual(err.statusCode, status, 'statusCode');
  assertEqual(err.type, type, 'type');
  assert(typeof err.message === 'string' && err.message.length > 0, 'error message is empty');
  return `${status} ${type}: ${err.message}`;
}

const HEX24 = /^[0-9a-f]{24}$/;
const ISO_MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Java's String.compareTo and JavaScript's < both compare UTF-16 code units.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// The devices. Names are awkward on purpose: mixed case, SQL wildcards, unicode.
// ---------------------------------------------------------------------------------------------
const DEVICES = [
  {
    key: 'A', by: 'owner', name: 'Device-Alpha', description: 'first',
    tags: [{ key: 'floor', value: '8' }, { key: 'serial', value: 'A-001' }],
    attributes: [{ name: 'temp', dataType: 'number' }, { name: 'on', dataType: 'boolean' }],
  },
  {
    key: 'B', by: 'owner', name: 'device_beta',
    tags: [{ key: 'floor', value: '8' }],
    attributes: [{ name: 'loc', dataType: 'gps' }],
  },
  {
    key: 'C', by: 'owner', name: 'DEV 100% Gamma',
    tags: [{ key: 'floor', value: '9' }, { key: 'serial', value: 'G-3' }],
    attributes: [{ name: 'label', dataType: 'string' }],
  },
  {
    key: 'D', by: 'scoped', name: 'Dev%',
    tags: [{ key: 'zone', value: 'north' }],
    attributes: [{ name: 'temp', dataType: 'number' }],
  },
  {
    key: 'E', by: 'scoped', name: 'dev_',
    tags: [{ key: 'floor', value: '8' }, { key: 'zone', value: 'south' }],
    attributes: [{ name: 'temp', dataType: 'number' }],
  },
  {
    key: 'F', by: 'scoped', name: 'Dev\u00dc',
    tags: [{ key: 'zone', value: '\u65e5\u672c' }],
    attributes: [{ name: 'pos', dataType: 'gps' }],
  },
  {
    key: 'G', by: 'owner', name: '\u03a9mega \u2603 sensor',
    tags: [{ key: 'floor', value: '10' }, { key: 'zone', value: 'north' }],
    attributes: [{ name: 'on', dataType: 'boolean' }],
  },
  {
    key: 'H', by: 'owner', name: 'Dev',
    tags: [{ key: 'serial', value: 'H-8' }, { key: 'serial', value: 'H-9' }],
    attributes: [{ name: 'temp', dataType: 'number' }],
  },
];

async function main() {
  const proxy = await startProxy();
  const url = `http://127.0.0.1:${proxy.address().port}`;
  console.log(`# losant-rest ${require('losant-rest/package.json').version} -> ${BASE_URL} (via logging proxy ${url})`);

  const owner = api.createClient({ url, accessToken: OWNER_TOKEN });
  const stamp = Date.now().toString(36);
  let app;
  let otherApp;
  let scopedToken;
  let scoped;
  const created = {}; // key -> device response

  try {
    // --- applications and tokens -------------------------------------------------------------
    const appOk = await check('applications.post creates an application', async () => {
      const name = `js-compat ${stamp} \u00e9`;
      app = await owner.applications.post({ application: { name, description: 'losant-rest JS compat' } });
      assert(HEX24.test(app.id), `id ${app.id} is not 24 lower-case hex`);
      assertEqual(app.applicationId, app.id, 'applicationId');
      assertEqual(app.name, name, 'name');
      assert(ISO_MILLIS.test(app.creationDate), `creationDate ${app.creationDate}`);
      return app.id;
    });
    if (!appOk) return;

    await check('applications.post creates a second application', async () => {
      otherApp = await owner.applications.post({ application: { name: `js-compat other ${stamp}` } });
      assert(HEX24.test(otherApp.id), `id ${otherApp.id}`);
    });

    const tokenOk = await check('applicationApiTokens.post creates a scoped token', async () => {
      const scope = ['devices.get', 'devices.post'];
      scopedToken = await owner.applicationApiTokens.post({
        applicationId: app.id,
        apiToken: { name: 'js compat scoped', description: 'devices.get + devices.post', scope },
      });
      assert(typeof scopedToken.token === 'string' && scopedToken.token.length > 0, 'no token string');
      assertEqual(scopedToken.scope, scope, 'scope');
      assertEqual(scopedToken.status, 'active', 'status');
      assertEqual(scopedToken.ownerId, app.id, 'ownerId');
      assertEqual(scopedToken.ownerType, 'application', 'ownerType');
      assert(HEX24.test(scopedToken.id) && scopedToken.apiTokenId === scopedToken.id, 'id/apiTokenId');
      return `scope ${scope.join(',')}`;
    });
    if (tokenOk) {
      scoped = api.createClient({ url, accessToken: scopedToken.token });
    }

    // --- devices -------------------------------------------------------------------------------
    for (const d of DEVICES) {
      const client = d.by === 'scoped' && scoped ? scoped : owner;
      const who = client === scoped ? 'scoped token' : 'owner token';
      await check(`devices.post "${d.name}" (${who})`, async () => {
        const device = { name: d.name, tags: d.tags, attributes: d.attributes };
        if (d.description !== undefined) device.description = d.description;
        const res = await client.devices.post({ applicationId: app.id, device });
        assert(HEX24.test(res.id), `id ${res.id}`);
        assertEqual(res.deviceId, res.id, 'deviceId');
        assertEqual(res.applicationId, app.id, 'applicationId');
        assertEqual(res.name, d.name, 'name');
        assertEqual(res.description, d.description || '', 'description');
        assertEqual(res.tags, d.tags, 'tags');
        assertEqual(res.attributes, d.attributes, 'attributes');
        assertEqual(res.deviceClass, 'standalone', 'deviceClass');
        assert(ISO_MILLIS.test(res.creationDate), `creationDate ${res.creationDate}`);
        assertEqual(res.connectionInfo && res.connectionInfo.connected, 0, 'connectionInfo.connected');
        created[d.key] = res;
        return res.id;
      });
      await sleep(5); // distinct creation times, so creation order is the creationDate order
    }

    const all = DEVICES.filter((d) => created[d.key]).map((d) => created[d.key]);
    const byName = (list, dir = 1) =>
      list.slice().sort((a, b) => dir * (cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id)));
    const pick = (...keys) => keys.map((k) => created[k]).filter(Boolean);
    const names = (list) => list.map((d) => d.name);
    const ids = (list) => list.map((d) => d.id);

    /** A list call whose result must be exactly `expected` (in order) out of `total` matches. */
    async function listCheck(title, client, params, expected, total, extra) {
      return check(title, async () => {
        const res = await client.devices.get(Object.assign({ applicationId: app.id }, params));
        assert(Array.isArray(res.items), `items is not an array: ${short(JSON.stringify(res), 300)}`);
        assertEqual(names(res.items), names(expected), 'names');
        assertEqual(ids(res.items), ids(expected), 'ids');
        assertEqual(res.count, expected.length, 'count');
        assertEqual(res.totalCount, total === undefined ? expected.length : total, 'totalCount');
        if (extra) extra(res);
        return `${res.count}/${res.totalCount}: ${names(res.items).join(' | ')}`;
      });
    }

    const lister = scoped || owner;
    const listerName = scoped ? 'scoped token' : 'owner token';

    // tagFilter exactly as the Losant documentation's example: a numeric value.
    const tagFilterStart = exchanges.length;
    await listCheck(`devices.get tagFilter [{key:'floor', value: 8}] (${listerName})`, lister,
      { tagFilter: [{ key: 'floor', value: 8 }] }, byName(pick('A', 'B', 'E')));
    await check('client encodes tagFilter with bracketed indices and the server accepts it', async () => {
      const x = exchanges.slice(tagFilterStart).find((e) => e.method === 'GET');
      assert(x, 'no GET seen by the proxy');
      console.log(`#   raw query: ${x.url.slice(x.url.indexOf('?') + 1)}`);
      assert(x.url.includes('tagFilter%5B0%5D%5Bkey%5D=floor&tagFilter%5B0%5D%5Bvalue%5D=8'),
        `unexpected encoding: ${x.url}`);
      assert(x.url.includes('_actions=false&_links=true&_embedded=true'), 'client extras missing');
      assertEqual(x.status, 200, 'status');
    });
    await listCheck('devices.get tagFilter key only [{key:\'serial\'}]', owner,
      { tagFilter: [{ key: 'serial' }] }, byName(pick('A', 'C', 'H')));
    await listCheck('devices.get tagFilter two entries (inclusive: floor=9 or zone=north)', owner,
      { tagFilter: [{ key: 'floor', value: 9 }, { key: 'zone', value: 'north' }] }, byName(pick('C', 'D', 'G')));
    await listCheck('devices.get tagFilter value only, unicode [{value:\'\u65e5\u672c\'}]', owner,
      { tagFilter: [{ value: '\u65e5\u672c' }] }, pick('F'));
    await listCheck('devices.get tagFilter floor=8 (string) or zone=south (inclusive)',
      owner, { tagFilter: [{ key: 'floor', value: '8' }, { key: 'zone', value: 'south' }] }, byName(pick('A', 'B', 'E')));

    await check('devices.get sparse tagFilter indices (client sends tagFilter[1]... and tagFilter[3]...)', async () => {
      const tagFilter = [];
      tagFilter[3] = { key: 'serial' };
      tagFilter[1] = { value: 'north' };
      const first = exchanges.length;
      const res = await owner.devices.get({ applicationId: app.id, tagFilter });
      const x = exchanges[first];
      console.log(`#   raw query: ${x.url.slice(x.url.indexOf('?') + 1)}`);
      const expected = byName(pick('A', 'C', 'D', 'G', 'H'));
      assertEqual(names(res.items), names(expected), 'names');
      assertEqual(res.totalCount, expected.length, 'totalCount');
      return `${res.count}/${res.totalCount}`;
    });

    // Name globs.
    await listCheck("devices.get filterField 'name' filter 'Dev*'", lister,
      { filterField: 'name', filter: 'Dev*' }, byName(pick('A', 'B', 'C', 'D', 'E', 'F', 'H')),
      undefined, (res) => { assertEqual(res.filter, 'Dev*', 'filter echo'); assertEqual(res.filterField, 'name', 'filterField echo'); });
    await listCheck("devices.get filter 'Dev?' (exactly one character, unicode counts as one)", owner,
      { filterField: 'name', filter: 'Dev?' }, byName(pick('D', 'E', 'F')));
    await listCheck("devices.get filter 'dev%' (% is literal)", owner,
      { filterField: 'name', filter: 'dev%' }, pick('D'));
    await listCheck("devices.get filter 'DEV_' (_ is literal)", owner,
      { filterField: 'name', filter: 'DEV_' }, pick('E'));
    await listCheck("devices.get filter '*100%*'", owner,
      { filterField: 'name', filter: '*100%*' }, pick('C'));
    await listCheck("devices.get filter '*\u2603*' (unicode)", owner,
      { filterField: 'name', filter: '*\u2603*' }, pick('G'));
    await listCheck("devices.get filter 'Dev*' + tagFilter [{key:'zone'}]", owner,
      { filterField: 'name', filter: 'Dev*', tagFilter: [{ key: 'zone' }] }, byName(pick('D', 'E', 'F')));

    // Sorting.
    await listCheck('devices.get default order (name asc, case-insensitive, ties by id)', owner,
      {}, byName(all), undefined, (res) => { assertEqual(res.sortField, 'name', 'sortField echo'); assertEqual(res.sortDirection, 'asc', 'sortDirection echo'); });
    await listCheck("devices.get sortField 'name' sortDirection 'desc'", owner,
      { sortField: 'name', sortDirection: 'desc' }, byName(all, -1));
    await listCheck("devices.get sortField 'creationDate' sortDirection 'asc'", owner,
      { sortField: 'creationDate', sortDirection: 'asc' }, all);

    // Paging by id.
    const byId = all.slice().sort((a, b) => cmp(a.id, b.id));
    for (let page = 0; page * 3 <= byId.length; page++) {
      await listCheck(`devices.get sortField 'id' perPage 3 page ${page}`, lister,
        { sortField: 'id', sortDirection: 'asc', perPage: 3, page }, byId.slice(page * 3, page * 3 + 3), byId.length,
        (res) => { assertEqual(Number(res.page), page, 'page echo'); assertEqual(Number(res.perPage), 3, 'perPage echo'); });
    }
    await listCheck("devices.get page past the end (perPage 3 page 5) -> no items, right totalCount", owner,
      { sortField: 'id', perPage: 3, page: 5 }, [], byId.length);
    await listCheck("devices.get sortField 'id' desc perPage 5 page 1", owner,
      { sortField: 'id', sortDirection: 'desc', perPage: 5, page: 1 }, byId.slice().reverse().slice(5, 10), byId.length);
    const createdDesc = all.slice().reverse().filter((d) => /^dev/i.test(d.name));
    await listCheck("devices.get filter 'Dev*' sortField 'creationDate' desc perPage 2 page 1", owner,
      { filterField: 'name', filter: 'Dev*', sortField: 'creationDate', sortDirection: 'desc', perPage: 2, page: 1 },
      createdDesc.slice(2, 4), createdDesc.length);
    await listCheck("devices.get tagFilter [{key:'floor', value: 8}] perPage 1 page 2", owner,
      { tagFilter: [{ key: 'floor', value: 8 }], perPage: 1, page: 2 }, byName(pick('A', 'B', 'E')).slice(2, 3), 3);

    // --- the advanced device query and the fleet metadata ------------------------------------------
    /** GET through the proxy with the owner token, for the status endpoints the client lacks. */
    async function rawGet(path) {
      const res = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } });
      return { status: res.status, body: await res.json() };
    }
    /** Polls a status endpoint until `done(body)` holds (at most 60 s). */
    async function waitFor(path, done) {
      for (let i = 0; i < 120; i++) {
        const { status, body } = await rawGet(path);
        if (status === 200 && done(body)) return body;
        await sleep(500);
      }
      throw new Error(`timed out waiting on ${path}`);
    }

    const floor8 = byName(pick('A', 'B', 'E'));
    const queryStart = exchanges.length;
    await listCheck("devices.get query {tags: {floor: 8}} (a number as tag value, echoed)", lister,
      { query: { tags: { floor: 8 } } }, floor8, undefined,
      (res) => assertEqual(JSON.stringify(res.query), JSON.stringify({ tags: { floor: 8 } }), 'query echo'));
    await check('client sends query as JSON text in the query string', async () => {
      const x = exchanges.slice(queryStart).find((e) => e.method === 'GET');
      console.log(`#   raw query: ${x.url.slice(x.url.indexOf('?') + 1)}`);
      assert(x.url.includes('query=%7B%22tags%22'), `unexpected encoding: ${x.url}`);
    });
    await listCheck("devices.get query $or of a case-insensitive name prefix and a tag", owner,
      { query: { $or: [{ name: { $startsWith: 'dev_', $ci: true } }, { tags: { zone: 'north' } }] } },
      byName(pick('D', 'E', 'G')));
    await listCheck("devices.get query replaces filter and tagFilter", owner,
      { filterField: 'name', filter: 'nothing*', tagFilter: [{ key: 'nothing' }], query: { attributeName: 'gps' } }, []);
    await listCheck("devices.get query {attributeName: {$ne: 'temp'}, tags: {$tagKey: 'serial', $tagValue: {$in: ['A-001', 'G-3']}}}", owner,
      { query: { attributeName: { $ne: 'temp' }, tags: { $tagKey: 'serial', $tagValue: { $in: ['A-001', 'G-3'] } } } },
      byName(pick('C')));
    await listCheck("devices.get deviceClass 'standalone'", owner,
      { deviceClass: 'standalone' }, byName(all));
    await listCheck("devices.get deviceClass ['gateway', 'peripheral']", owner,
      { deviceClass: ['gateway', 'peripheral'] }, []);
    await check("devices.get query with an empty $startsWith -> 400 Validation naming its path", async () => {
      const err = await expectError(owner.devices.get({ applicationId: app.id, query: { $or: [{ name: 'x' }, { name: { $startsWith: '' } }] } }));
      const detail = assertClientError(err, 400, 'Validation');
      assert(err.message.includes('query.$or[1].name.$startsWith'), `message does not name the path: ${err.message}`);
      return detail;
    });
    await check("devices.get query with an unsupported key (parentId) -> 400 Validation", async () => {
      const err = await expectError(owner.devices.get({ applicationId: app.id, query: { parentId: '0123456789abcdef01234567' } }));
      return assertClientError(err, 400, 'Validation');
    });

    await check('devices.tagKeys -> every key, sorted, once', async () => {
      const res = await owner.devices.tagKeys({ applicationId: app.id });
      assertEqual(res.tagKeys, ['floor', 'serial', 'zone'], 'tagKeys');
      return res.tagKeys.join(' ');
    });
    await check("devices.tagKeys startsWith 'S' (case-insensitive) and a query", async () => {
      const res = await owner.devices.tagKeys({ applicationId: app.id, startsWith: 'S' });
      assertEqual(res.tagKeys, ['serial'], 'startsWith');
      const onlyH = await owner.devices.tagKeys({ applicationId: app.id, query: { name: 'Dev' } });
      assertEqual(onlyH.tagKeys, ['serial'], 'query');
    });
    await check("devices.tagValues key 'floor' -> its values as text, sorted", async () => {
      const res = await owner.devices.tagValues({ applicationId: app.id, key: 'floor' });
      assertEqual(res.tagKey, 'floor', 'tagKey');
      assertEqual(res.tagValues, ['10', '8', '9'], 'tagValues');
      const ones = await owner.devices.tagValues({ applicationId: app.id, key: 'floor', startsWith: '1' });
      assertEqual(ones.tagValues, ['10'], 'startsWith');
    });
    await check('devices.attributeNames, all and by dataType', async () => {
      const res = await owner.devices.attributeNames({ applicationId: app.id });
      assertEqual(res.attributeNames, ['label', 'loc', 'on', 'pos', 'temp'], 'attributeNames');
      const gps = await owner.devices.attributeNames({ applicationId: app.id, dataType: 'gps' });
      assertEqual(gps.attributeNames, ['loc', 'pos'], 'dataType');
      const temp = await owner.devices.attributeNames({ applicationId: app.id, startsWith: 'T', query: { tags: { floor: '8' } } });
      assertEqual(temp.attributeNames, ['temp'], 'startsWith and query');
    });

    await check('devices.export with options {email, query} -> the file holds exactly the matching devices', async () => {
      const result = await owner.devices.export({
        applicationId: app.id, options: { email: 'me@example.com', query: { tags: { floor: 8 } } },
      });
      assertEqual(result.success, true, 'success');
      const status = await waitFor(`/applications/${app.id}/devices/exports/${result.exportId}`,
        (b) => b.state === 'succeeded' || b.state === 'failed');
      assertEqual(status.state, 'succeeded', 'state');
      assertEqual(status.deviceCount, floor8.length, 'deviceCount');
      return `export ${result.exportId}: ${status.deviceCount} devices`;
    });
    await check('devices.sendCommand with deviceQuery -> sent to exactly the matching devices', async () => {
      const result = await owner.devices.sendCommand({
        applicationId: app.id,
        multiDeviceCommand: { name: 'ping', payload: { n: 1 }, deviceQuery: { tags: { zone: { $in: ['north', 'south'] } } } },
      });
      assertEqual(result.success, true, 'success');
      const status = await rawGet(`/applications/${app.id}/devices/commands/${result.commandId}`);
      assertEqual(status.body.targeted, pick('D', 'E', 'G').length, 'targeted');
      return `command ${result.commandId}: ${status.body.targeted} devices`;
    });
    await check("devices.sendCommand deviceTags [{key: 'floor', value: 8}] (a number) -> floor 8 devices", async () => {
      const result = await owner.devices.sendCommand({
        applicationId: app.id,
        multiDeviceCommand: { name: 'ping', deviceTags: [{ key: 'floor', value: 8 }] },
      });
      const status = await rawGet(`/applications/${app.id}/devices/commands/${result.commandId}`);
      assertEqual(status.body.targeted, floor8.length, 'targeted');
    });

    // --- one device: client.device.* --------------------------------------------------------------
    let single;
    await check('device.get -> the device, as devices.post answered it', async () => {
      single = await owner.devices.post({
        applicationId: app.id, device: { name: 'single', tags: [{ key: 'floor', value: '3' }] },
      });
      const got = await owner.device.get({ applicationId: app.id, deviceId: single.id });
      assertEqual(got.id, single.id, 'id');
      assertEqual(got.name, 'single', 'name');
      assertEqual(got.tags, [{ key: 'floor', value: '3' }], 'tags');
    });
    await check('device.patch replaces the given fields and keeps the others', async () => {
      const patched = await owner.device.patch({
        applicationId: app.id, deviceId: single.id,
        device: { name: 'single renamed', tags: [{ key: 'floor', value: '4' }] },
      });
      assertEqual(patched.name, 'single renamed', 'name');
      assertEqual(patched.tags, [{ key: 'floor', value: '4' }], 'tags');
      assertEqual(patched.description, single.description, 'description');
    });
    await check('device.patch with an empty body -> 400 Validation', async () => {
      const err = await expectError(owner.device.patch({ applicationId: app.id, deviceId: single.id, device: {} }));
      return assertClientError(err, 400, 'Validation');
    });
    await check('device.sendCommand -> {success, commandId}; device.getCommand lists it', async () => {
      const sent = await owner.device.sendCommand({
        applicationId: app.id, deviceId: single.id,
        deviceCommand: { name: 'blink', payload: { times: 2 }, time: 1700000000000 },
      });
      assertEqual(sent.success, true, 'success');
      assert(/^[a-f0-9]{24}$/.test(sent.commandId), `commandId ${sent.commandId}`);
      const commands = await owner.device.getCommand({
        applicationId: app.id, deviceId: single.id, limit: 5, sortDirection: 'desc', since: 0,
      });
      assert(Array.isArray(commands), 'an array');
      assertEqual(commands.map((c) => [c.name, c.payload, c.time]),
        [['blink', { times: 2 }, '2023-11-14T22:13:20.000Z']], 'commands');
    });
    await check('device.delete -> {success}; then device.get -> 404 and devices.get queryDeleted lists it', async () => {
      const deleted = await owner.device.delete({ applicationId: app.id, deviceId: single.id });
      assertEqual(deleted.success, true, 'success');
      const err = await expectError(owner.device.get({ applicationId: app.id, deviceId: single.id }));
      assertClientError(err, 404, 'NotFound');
      const listed = await rawGet(`/applications/${app.id}/devices?queryDeleted=true`);
      assertEqual(listed.body.items.map((d) => d.id), [single.id], 'deleted devices');
      assert(listed.body.items[0].deletedAt, 'deletedAt');
    });

    // --- errors as the client's error ---------------------------------------------------------------
    await check("devices.post with a bad tag key -> 400 Validation", async () => {
      const err = await expectError(owner.devices.post({
        applicationId: app.id, device: { name: 'bad', tags: [{ key: 'bad key!', value: 'x' }] },
      }));
      return assertClientError(err, 400, 'Validation');
    });
    await check('devices.post with an unknown field -> 400 Validation naming it', async () => {
      const err = await expectError(owner.devices.post({
        applicationId: app.id, device: { name: 'bad', colour: 'red' },
      }));
      const detail = assertClientError(err, 400, 'Validation');
      assert(err.message.includes('colour'), `message does not name the field: ${err.message}`);
      return detail;
    });
    await check("devices.get perPage 0 -> 400 Validation", async () => {
      const err = await expectError(owner.devices.get({ applicationId: app.id, perPage: 0 }));
      return assertClientError(err, 400, 'Validation');
    });
    await check("devices.get sortField 'bogus' -> 400 Validation", async () => {
      const err = await expectError(owner.devices.get({ applicationId: app.id, sortField: 'bogus' }));
      return assertClientError(err, 400, 'Validation');
    });
    await check("devices.get tagFilter [{key:'bad key!'}] -> 400 Validation", async () => {
      const err = await expectError(owner.devices.get({ applicationId: app.id, tagFilter: [{ key: 'bad key!' }] }));
      return assertClientError(err, 400, 'Validation');
    });
    await check('devices.export (by email; the client has no format option) -> 200 {success, exportId}', async () => {
      const result = await owner.devices.export({ applicationId: app.id, email: 'me@example.com' });
      assertEqual(result.success, true, 'success');
      assert(/^[0-9a-f]{24}$/.test(result.exportId), `exportId ${result.exportId}`);
      return `export ${result.exportId}`;
    });
    await check('devices.export with a callbackUrl on loopback -> 400 Validation (SSRF guard)', async () => {
      const err = await expectError(owner.devices.export({ applicationId: app.id, callbackUrl: 'http://127.0.0.1:9/hook' }));
      return assertClientError(err, 400, 'Validation');
    });
    await check('devices.get on a well-formed unknown application -> 404 NotFound', async () => {
      const err = await expectError(owner.devices.get({ applicationId: '0123456789abcdef01234567' }));
      return assertClientError(err, 404, 'NotFound');
    });
    await check('devices.get with an unknown token -> 401 Unauthorized', async () => {
      const stranger = api.createClient({ url, accessToken: 'not-a-real-token' });
      const err = await expectError(stranger.devices.get({ applicationId: app.id }));
      return assertClientError(err, 401, 'Unauthorized');
    });
    if (scoped) {
      await check('scoped token: applications.post (outside its scope) -> 403 Forbidden', async () => {
        const err = await expectError(scoped.applications.post({ application: { name: 'nope' } }));
        return assertClientError(err, 403, 'Forbidden');
      });
      await check('scoped token: devices.tagKeys (devices.get does not allow it) -> 403 Forbidden', async () => {
        const err = await expectError(scoped.devices.tagKeys({ applicationId: app.id }));
        return assertClientError(err, 403, 'Forbidden');
      });
      await check('scoped token: devices.export (outside its scope) -> 403 Forbidden', async () => {
        const err = await expectError(scoped.devices.export({ applicationId: app.id, email: 'a@example.com' }));
        return assertClientError(err, 403, 'Forbidden');
      });
      await check('scoped token: applicationApiTokens.post (outside its scope) -> 403 Forbidden', async () => {
        const err = await expectError(scoped.applicationApiTokens.post({
          applicationId: app.id, apiToken: { name: 'nope', scope: ['all.Application'] },
        }));
        return assertClientError(err, 403, 'Forbidden');
      });
      if (otherApp) {
        await check('scoped token: devices.get on another application -> 403 Forbidden', async () => {
          const err = await expectError(scoped.devices.get({ applicationId: otherApp.id }));
          return assertClientError(err, 403, 'Forbidden');
        });
      }
      await check('scoped token: devices.post with a bad tag key -> 400 Validation (in scope)', async () => {
        const err = await expectError(scoped.devices.post({
          applicationId: app.id, device: { name: 'bad', tags: [{ key: 'a/b', value: 'x' }] },
        }));
        return assertClientError(err, 400, 'Validation');
      });
    }

    // --- bulk changes (devices.patch, devices.delete; the pinned client has no devices.restore) --
    let bulkApp;
    const bulkOk = await check('applications.post creates an application for the bulk changes', async () => {
      bulkApp = await owner.applications.post({ application: { name: `js-compat bulk ${stamp}` } });
      for (const name of ['bulk-1', 'bulk-2', 'bulk-3']) {
        await owner.devices.post({
          applicationId: bulkApp.id,
          device: { name, tags: [{ key: 'batch', value: 'b' }], attributes: [{ name: 'temp', dataType: 'number' }] },
        });
      }
      return bulkApp.id;
    });
    if (bulkOk) {
      await check('devices.patch by query with updateFields and updateOperations -> 200 {updated, failed, skipped}', async () => {
        const res = await owner.devices.patch({
          applicationId: bulkApp.id,
          patchInfo: {
            query: { name: { $in: ['bulk-1', 'bulk-2'] } },
            updateFields: { description: 'patched' },
            updateOperations: [
              { operation: 'set', target: 'tag', value: { key: 'floor', value: '3' } },
              { operation: 'set', target: 'attributeName', attributeName: 'temp', value: 'temperature' },
            ],
          },
        });
        assertEqual(res, { updated: 2, failed: 0, skipped: 0 }, 'result');
        const list = await owner.devices.get({ applicationId: bulkApp.id, query: { tags: { floor: '3' } } });
        assertEqual(list.totalCount, 2, 'devices with the new tag');
        assertEqual(list.items[0].attributes, [{ name: 'temperature', dataType: 'number' }], 'renamed attribute');
        return res;
      });
      await check('devices.patch with deviceIds and an add of an existing attribute -> failed', async () => {
        const list = await owner.devices.get({ applicationId: bulkApp.id });
        const res = await owner.devices.patch({
          applicationId: bulkApp.id,
          patchInfo: {
            deviceIds: list.items.map((d) => d.id),
            updateOperations: [{ operation: 'add', target: 'attribute', value: { name: 'temp', dataType: 'string' } }],
          },
        });
        assertEqual(res, { updated: 2, failed: 1, skipped: 0 }, 'result');
        return res;
      });
      await check('devices.patch with an unsupported operation -> 400 Validation', async () => {
        const err = await expectError(owner.devices.patch({
          applicationId: bulkApp.id,
          patchInfo: { query: {}, updateOperations: [{ operation: 'set', target: 'systemInterval', value: 30 }] },
        }));
        return assertClientError(err, 400, 'Validation');
      });
      await check('devices.delete by query -> 200 {removed, failed}; the devices are gone', async () => {
        const res = await owner.devices.delete({
          applicationId: bulkApp.id, options: { query: { tags: { batch: 'b' } } },
        });
        assertEqual(res, { removed: 3, failed: 0 }, 'result');
        const list = await owner.devices.get({ applicationId: bulkApp.id });
        assertEqual(list.totalCount, 0, 'totalCount');
        return res;
      });
      await check('devices.delete with email -> 202 {success, jobQueued, jobId}', async () => {
        const res = await owner.devices.delete({
          applicationId: bulkApp.id, options: { query: {}, email: 'bulk@example.com' },
        });
        assert(res.success === true && res.jobQueued === true && HEX24.test(res.jobId), describe(res));
        return res;
      });
    }
  } finally {
    proxy.close();
  }
}

main()
  .catch((e) => {
    failed++;
    console.log(`FAIL unexpected error: ${e && e.stack ? e.stack : e}`);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
