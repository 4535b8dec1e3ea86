// <upward-program-setup> when the German playbooks cannot be loaded (a lost connection, or a new
// deployment that removed the old chunk): the network fault comes from msw, in a file of its own
// so that no earlier test has loaded the module already.
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Upward } from '@upward/sdk';
import '../../src/define/program-setup.ts';
import type { UpwardProgramSetup } from '../../src/program-setup/program-setup.ts';
import { fieldId } from '../../src/internal/errors.ts';
import { seededWorld, until } from '../support/world.ts';

const worker = setupWorker(http.get(/playbooks-de\.ts/, () => HttpResponse.error()));

function set(el: Element, path: string, value: string) {
  const control = el.shadowRoot!.querySelector<HTMLInputElement>(`#${fieldId(path)}`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<upward-program-setup> without its German playbooks', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('says the playbook could not be loaded instead of offering nothing, and the English one still works', async () => {
    const world = await seededWorld();
    const el = await fixture<UpwardProgramSetup>(html`<upward-program-setup .client=${world.hr as Upward}></upward-program-setup>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    set(el, 'language', 'de');
    set(el, 'purpose', 'inclusion');
    const offer = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="playbook-offer"]');
    await until(() => offer()?.textContent?.includes('could not be loaded'), 'the failure');
    expect(offer()!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    // Back to English: the ready playbook in English is on offer again.
    set(el, 'language', 'en');
    await until(() => offer()?.textContent?.includes('Inclusive leadership'), 'the English playbook');
  });
});
