import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { msg } from '@lit/localize';
import '../../src/define/upward-provider.ts';
import { UpwardElement } from '../../src/internal/upward-element.ts';
import { defineElement } from '../../src/internal/define.ts';
import { currentLocale, setUpwardLocale } from '../../src/internal/localization.ts';
import { seededWorld, until } from '../support/world.ts';

// A minimal element built on the shared base, to observe what the provider hands down.
class ProbeElement extends UpwardElement {
  changes = 0;
  protected override isRelevant() {
    this.changes++;
    return true;
  }
  protected override render() {
    return this.upward ? msg('Loading…', { id: 'common.loading' }) : this.renderNoClient();
  }
  get clientInUse() {
    return this.upward;
  }
}
defineElement('upward-test-probe', ProbeElement);

describe('<upward-provider>', () => {
  afterEach(() => setUpwardLocale('en'));

  it('is accessible and hands its client to elements inside it, through shadow roots too', async () => {
    const world = await seededWorld();
    const el = await fixture<HTMLElement>(html`<upward-provider .client=${world.hr}><div><upward-test-probe></upward-test-probe></div></upward-provider>`);
    await expect(el).to.be.accessible();
    const probe = el.querySelector('upward-test-probe') as ProbeElement;
    expect(probe.clientInUse).to.equal(world.hr);
  });

  it('lets a client property win over the provider, and explains when there is none', async () => {
    const world = await seededWorld();
    const mentee = world.as({ personId: 'vp-eng' });
    const el = await fixture<HTMLElement>(html`<upward-provider .client=${world.hr}><upward-test-probe .client=${mentee}></upward-test-probe></upward-provider>`);
    expect((el.querySelector('upward-test-probe') as ProbeElement).clientInUse).to.equal(mentee);
    const lonely = await fixture<ProbeElement>(html`<upward-test-probe></upward-test-probe>`);
    expect(lonely.shadowRoot!.textContent).to.contain('needs an Upward client');
  });

  it('bumps the revision of elements when data changes, and stops listening once removed', async () => {
    const world = await seededWorld();
    const el = await fixture<HTMLElement>(html`<upward-provider .client=${world.hr}><upward-test-probe></upward-test-probe></upward-provider>`);
    const probe = el.querySelector('upward-test-probe') as ProbeElement;
    await world.hr.people.upsert({ id: 'zoe', name: 'Zoe Park', email: 'zoe@example.com', title: 'Analyst', department: 'Finance', level: 2, managerId: null, timeZone: 'Europe/London', languages: ['en'] });
    await until(() => probe.changes > 0, 'a change notification');
    probe.remove();
    const seen = probe.changes;
    await world.hr.people.upsert({ id: 'zoe', name: 'Zoe Park-Lee', email: 'zoe@example.com', title: 'Analyst', department: 'Finance', level: 2, managerId: null, timeZone: 'Europe/London', languages: ['en'] });
    await new Promise((r) => setTimeout(r, 50));
    expect(probe.changes).to.equal(seen);
  });

  it('takes the language from the page and switches every element to German', async () => {
    const world = await seededWorld();
    const el = await fixture<HTMLElement>(html`<div lang="de-CH"><upward-provider .client=${world.hr}><upward-test-probe></upward-test-probe></upward-provider></div>`);
    const probe = el.querySelector('upward-test-probe') as ProbeElement;
    await until(() => probe.shadowRoot!.textContent!.includes('Wird geladen'), 'German text');
    expect(currentLocale()).to.equal('de');
  });

  it('registers safely twice and warns when another version or library holds the tag', async () => {
    const { UpwardProvider } = await import('../../src/provider/upward-provider.ts');
    customElements.define('upward-test-older', class extends LitElement {
      static upwardVersion = '0.0.9';
    });
    customElements.define('upward-test-foreign', class extends LitElement {});
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      defineElement('upward-provider', UpwardProvider); // the same class again
      defineElement('upward-provider', class extends UpwardProvider {}); // another copy, same version
      defineElement('upward-test-older', ProbeElement);
      defineElement('upward-test-foreign', ProbeElement);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('upward-provider')).to.equal(UpwardProvider);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('<upward-test-older> is already defined (version 0.0.9)');
    expect(warnings[1]).to.contain('by another library');
  });
});
