import { expect } from '@open-wc/testing';
import { NetworkError } from '../../src/errors.ts';
import { lazyService } from '../../src/internal/lazy.ts';

interface Greeter {
  greet(name: string): Promise<string>;
  count(): Promise<number>;
}

describe('services that load on first use', () => {
  it('loads once, on the first call, and forwards every argument', async () => {
    let loads = 0;
    const greeter = lazyService<Greeter>(
      async () => {
        loads++;
        return { greet: async (name) => `Hello ${name}`, count: async () => loads };
      },
      { greet: true, count: true },
    );
    expect(loads).to.equal(0);
    expect(await greeter.greet('Dana')).to.equal('Hello Dana');
    expect(await greeter.count()).to.equal(1);
    expect(loads).to.equal(1);
  });

  it('turns a chunk that did not arrive into a typed network error, and tries again next time', async () => {
    let attempt = 0;
    const greeter = lazyService<Greeter>(
      async () => {
        if (++attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { greet: async (name) => `Hi ${name}`, count: async () => attempt };
      },
      { greet: true, count: true },
    );
    const error = await greeter.greet('Sam').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).code).to.equal('network');
    expect((error as NetworkError).message).to.contain('"greet"');
    expect(await greeter.greet('Sam')).to.equal('Hi Sam');
  });
});
