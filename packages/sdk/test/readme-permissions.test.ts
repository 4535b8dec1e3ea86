// The README's authorization table must say exactly what the code enforces.
import { expect } from '@open-wc/testing';
import { permissions } from '../src/index.ts';

describe('README authorization table', () => {
  it('lists every permission with the same roles as services/authorization.ts', async () => {
    const readme = await (await fetch('/README.md')).text();
    const table = readme.split('<!-- permissions:start -->')[1]!.split('<!-- permissions:end -->')[0]!;
    const rows = table
      .split('\n')
      .filter((line) => /^\| [a-z-]+\.[a-z-]+ \|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const documented = Object.fromEntries(rows.map(([, name, who]) => [name, who!.replace(/\(.*\)/, '').split(',').map((r) => r.trim()).filter(Boolean)]));
    expect(documented).to.deep.equal(Object.fromEntries(Object.entries(permissions).map(([k, v]) => [k, [...v]])));
  });
});
