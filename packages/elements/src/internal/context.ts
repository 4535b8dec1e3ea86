/**
 * The context through which `<upward-provider>` hands an `Upward` client to every element below
 * it. Keyed by a registered symbol so that two copies of the bundle on one page still find each
 * other's provider.
 */
import { createContext } from '@lit/context';
import type { Upward } from '@upward/sdk';

export const upwardContext = createContext<Upward | undefined>(Symbol.for('upward.client'));
