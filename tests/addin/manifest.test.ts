/**
 * The XML manifest, checked offline (office-addin-manifest validate calls a web service, see the
 * README): ids, hosts, requirement sets, the ribbon group and its buttons, locales, URLs, and the
 * icon files it names.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { RIBBON_FUNCTIONS } from '../../addin/commands/commands';
import { writeIcons } from '../../addin/assets/make-icons';
import { tempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['Control', 'Image', 'Url', 'String', 'Override', 'Set', 'Host', 'Runtime'].includes(name) });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML
const app: any = parser.parse(text).OfficeApp;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const vo: any = app.VersionOverrides;
const host = vo.Hosts.Host[0];
const group = host.DesktopFormFactor.ExtensionPoint.OfficeTab.Group;
const resources = vo.Resources;
const ids = (list: { '@id': string }[]) => new Set(list.map((x) => x['@id']));
const urlIds = ids(resources.Urls.Url);
const imageIds = ids(resources.Images.Image);
const stringIds = new Set([...resources.ShortStrings.String, ...resources.LongStrings.String].map((s: { '@id': string }) => s['@id']));
const shortString = (id: string) => resources.ShortStrings.String.find((s: { '@id': string }) => s['@id'] === id);
const { manifestFor, DEV_URL } = createRequire(__filename)(join(ROOT, 'webpack.config.js')) as { manifestFor(c: string, url?: string): string; DEV_URL: string };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('is an Excel task pane add-in, Italian by default with English overrides', () => {
    expect(app['@type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app.DefaultLocale).toBe('it-IT');
    for (const el of [app.DisplayName, app.Description]) expect(el.Override.map((o: { '@Locale': string }) => o['@Locale'])).toEqual(['en-US']);
    for (const s of [...resources.ShortStrings.String, ...resources.LongStrings.String]) expect(s.Override.map((o: { '@Locale': string }) => o['@Locale'])).toEqual(['en-US']);
    expect(app.Hosts.Host.map((h: { '@Name': string }) => h['@Name'])).toEqual(['Workbook']);
    expect(host['@type']).toBe('Workbook');
    expect(app.Permissions).toBe('ReadWriteDocument');
  });

  it('asks for ExcelApi 1.5 (the rest is checked at run time), the shared runtime and the custom functions runtime it uses', () => {
    expect(app.Requirements.Sets.Set).toEqual([
      { '@Name': 'ExcelApi', '@MinVersion': '1.5' },
      // <Runtimes> below: "Update the requirements section to include the shared runtime" (Microsoft,
      // "Configure your Office Add-in to use a shared runtime")
      { '@Name': 'SharedRuntime', '@MinVersion': '1.1' },
      // CustomFunctions.Error, which carries the #VALORE! messages, is CustomFunctionsRuntime 1.2
      { '@Name': 'CustomFunctionsRuntime', '@MinVersion': '1.2' },
    ]);
  });

  it('puts every element in the order the manifest schemas require (Microsoft, "How to find the proper order of manifest elements")', () => {
    // the order of the children the XSDs allow, for the elements this manifest uses
    const ORDER: Record<string, string[]> = {
      OfficeApp: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides'],
      Requirements: ['Sets', 'Methods'],
      DefaultSettings: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
      VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
      'VersionOverrides/Hosts/Host': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
      'AllFormFactors/ExtensionPoint': ['Script', 'Page', 'Metadata', 'Namespace'],
      DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
      GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
      Group: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
      Control: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items'],
      Supertip: ['Title', 'Description'],
      Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
      Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
    };
    type Node = Record<string, unknown>;
    const ordered = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, preserveOrder: true }).parse(text) as Node[];
    const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@' && k !== '#text' && k !== '?xml' && k !== '#comment');
    let checked = 0;
    const walk = (nodes: Node[], path: string[]) => {
      for (const n of nodes) {
        const name = nameOf(n);
        if (!name) continue;
        const here = [...path, name];
        const children = ((n[name] as Node[]) ?? []).map(nameOf).filter((c): c is string => c !== undefined);
        const key = Object.keys(ORDER).find((k) => here.join('/').endsWith(k));
        if (key && children.length) {
          const order = ORDER[key];
          const positions = children.map((c) => order.indexOf(c));
          expect({ element: here.join('/'), unknown: children.filter((c, i) => positions[i] < 0) }).toEqual({ element: here.join('/'), unknown: [] });
          expect({ element: here.join('/'), children }).toEqual({ element: here.join('/'), children: [...children].sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
          checked++;
        }
        walk((n[name] as Node[]) ?? [], here);
      }
    };
    walk(ordered, []);
    expect(checked).toBeGreaterThan(15);
  });

  it('has the ribbon group PIAO with Controlla, Pulisci segnalazioni and Apri pannello', () => {
    expect(host.DesktopFormFactor.ExtensionPoint['@type']).toBe('PrimaryCommandSurface');
    expect(shortString(group.Label['@resid'])['@DefaultValue']).toBe('PIAO');
    const controls = group.Control;
    expect(controls.map((c: { Label: { '@resid': string } }) => shortString(c.Label['@resid'])['@DefaultValue'])).toEqual(['Controlla', 'Pulisci segnalazioni', 'Apri pannello']);
    expect(controls.map((c: { '@id': string }) => c['@id'])).toEqual(['Piao.Check', 'Piao.Clear', 'Piao.Open']);
    expect(controls[0].Action).toEqual({ '@type': 'ExecuteFunction', FunctionName: RIBBON_FUNCTIONS.check });
    expect(controls[1].Action).toEqual({ '@type': 'ExecuteFunction', FunctionName: RIBBON_FUNCTIONS.clear });
    expect(controls[2].Action['@type']).toBe('ShowTaskpane');
    expect(controls[2].Action.SourceLocation['@resid']).toBe('Taskpane.Url');
    // one shared runtime: the task pane page is also the function file of the buttons
    expect(host.Runtimes.Runtime).toEqual([{ '@resid': 'Taskpane.Url', '@lifetime': 'long' }]);
    expect(host.DesktopFormFactor.FunctionFile['@resid']).toBe('Taskpane.Url');
  });

  it('declares the custom functions PIAO.* in the shared runtime of the task pane', () => {
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(cf['@type']).toBe('CustomFunctions');
    const url = (resid: string) => resources.Urls.Url.find((u: { '@id': string }) => u['@id'] === resid)['@DefaultValue'];
    expect(url(cf.Script.SourceLocation['@resid'])).toBe(`${DEV_URL}functions.js`);
    expect(url(cf.Metadata.SourceLocation['@resid'])).toBe(`${DEV_URL}functions.json`);
    // the page is the task pane's: one runtime for the pane, the buttons and the functions
    expect(cf.Page.SourceLocation['@resid']).toBe(host.Runtimes.Runtime[0]['@resid']);
    expect(shortString(cf.Namespace['@resid'])['@DefaultValue']).toBe('PIAO');
  });

  it('references only resources it defines', () => {
    const resids = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(20);
    for (const id of resids) expect(urlIds.has(id) || imageIds.has(id) || stringIds.has(id)).toBe(true);
  });

  it('points every URL at the add-in\'s own https origin, at files the build writes', () => {
    const urls = [...text.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const path = url.slice(DEV_URL.length);
      if (path.startsWith('assets/')) expect(existsSync(join(ROOT, 'addin', path))).toBe(true);
      else expect(['taskpane.html', 'aiuto.html', 'functions.js', 'functions.json']).toContain(path);
    }
    expect(app.DefaultSettings.SourceLocation['@DefaultValue']).toBe(`${DEV_URL}taskpane.html`);
  });

  it('names icon files that exist, at the size it says', () => {
    const images = resources.Images.Image as { '@id': string; '@DefaultValue': string }[];
    const sizeOf = new Map<string, number>();
    for (const el of [group, ...group.Control]) for (const img of el.Icon.Image) sizeOf.set(img['@resid'], Number(img['@size']));
    for (const img of images) {
      const file = join(ROOT, 'addin', img['@DefaultValue'].slice(DEV_URL.length));
      const size = sizeOf.get(img['@id']);
      expect(size).toBeDefined();
      expect(pngSize(file)).toEqual([size, size]);
    }
    expect(pngSize(join(ROOT, 'addin', app.IconUrl['@DefaultValue'].slice(DEV_URL.length)))).toEqual([32, 32]);
    expect(pngSize(join(ROOT, 'addin', app.HighResolutionIconUrl['@DefaultValue'].slice(DEV_URL.length)))).toEqual([64, 64]);
  });

  it('ships the icons its script draws (npm run icons regenerates them)', () => {
    const dir = tempDir('piao-icons-');
    for (const file of writeIcons(dir)) expect(readFileSync(join(dir, file))).toEqual(readFileSync(join(ROOT, 'addin', 'assets', file)));
  });

  it('is rewritten for another server by the build (PIAO_ADDIN_URL)', () => {
    const moved = manifestFor(text, 'https://intranet.ente.it/piao');
    expect(moved).not.toContain('localhost');
    expect(moved).toContain('https://intranet.ente.it/piao/taskpane.html');
    expect(manifestFor(text, undefined)).toBe(text);
  });
});
