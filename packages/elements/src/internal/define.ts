/**
 * Registers a tag in a way that is safe to repeat: intranet pages often load several bundles,
 * and a second `customElements.define` of the same tag throws. The same version is silently kept;
 * a different one is kept too, with a warning naming both, because replacing a definition is
 * impossible.
 */
import { VERSION } from './version.ts';

type Versioned = CustomElementConstructor & { upwardVersion?: string };

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return; // server-side rendering or a worker: nothing to register
  const existing = registry.get(tag) as Versioned | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor || existing.upwardVersion === VERSION) return;
  console.warn(
    `[upward] <${tag}> is already defined (${existing.upwardVersion ? `version ${existing.upwardVersion}` : 'by another library'}); this copy (version ${VERSION}) is not registered.`,
  );
}
