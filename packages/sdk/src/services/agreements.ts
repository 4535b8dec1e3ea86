/**
 * Agreements: drafted from the program's template when a match is accepted, edited while draft,
 * sent for signature (which freezes the text and its hash), signed by every member, and
 * amended as a new version that must be signed again. A signed version never changes.
 */
import * as z from 'zod/mini';
import { ConflictError } from '../errors.ts';
import {
  AgreementContent,
  Id,
  assertStatus,
  assertTransition,
  expectedVersion,
  type Agreement,
} from '../domain/index.ts';
import { canonicalJson, sha256Hex } from '../internal/sha256.ts';
import { authorize, relationsOf } from './authorization.ts';
import { command, query, type ServiceContext } from './context.ts';
import { draftFirstAgreement } from './first-agreement.ts';
import { assertVersion, type Repository } from './repository.ts';

const AgreementRef = z.object({ agreementId: Id, expectedVersion });
const AgreementEdit = z.object({ agreementId: Id, expectedVersion, content: AgreementContent });
const SignInput = z.object({
  agreementId: Id,
  /** The hash of the text the signer read; signing fails if the text changed since. */
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be the agreement’s content hash')),
});
const ByMatch = z.object({ matchId: Id });

/** The input schemas of `AgreementsApi`, by method: the REST contract is generated from them. */
export const agreementsInputs = {
  get: Id,
  list: ByMatch,
  update: AgreementEdit,
  send: AgreementRef,
  returnToDraft: AgreementRef,
  sign: SignInput,
  amend: AgreementRef,
} as const;

export interface AgreementsApi {
  get(id: string): Promise<Agreement>;
  /** Every version of a match's agreement, oldest first. */
  list(input: z.input<typeof ByMatch>): Promise<Agreement[]>;
  update(input: z.input<typeof AgreementEdit>): Promise<Agreement>;
  /** draft → awaiting signatures: the text is frozen and hashed. */
  send(input: z.input<typeof AgreementRef>): Promise<Agreement>;
  /** awaiting signatures → draft, dropping the signatures collected so far. */
  returnToDraft(input: z.input<typeof AgreementRef>): Promise<Agreement>;
  sign(input: z.input<typeof SignInput>): Promise<Agreement>;
  /** Starts a new draft version from the one in force. */
  amend(input: z.input<typeof AgreementRef>): Promise<Agreement>;
}

export function hashContent(content: Agreement['content']): string {
  return sha256Hex(canonicalJson(content));
}

/** Re-exported from its own module, so accepting a match never loads this whole service. */
export { draftFirstAgreement };

export function agreementsService(ctx: ServiceContext): AgreementsApi {
  /** Loads an agreement with its match and program and checks the actor's permission. */
  async function load(repo: Repository, id: string, permission: 'agreements.read' | 'agreements.edit' | 'agreements.sign') {
    const agreement = await repo.get('agreements', id);
    const program = await repo.get('programs', agreement.programId);
    authorize(permission, relationsOf(ctx.actor, { program, memberIds: agreement.signerIds }));
    return agreement;
  }

  return {
    get: (id) => query(ctx, Id, id, (agreementId, repo) => load(repo, agreementId, 'agreements.read')),

    list: (input) =>
      query(ctx, ByMatch, input, async ({ matchId }, repo) => {
        const match = await repo.get('matches', matchId);
        const program = await repo.get('programs', match.programId);
        authorize('agreements.read', relationsOf(ctx.actor, { program, memberIds: match.memberIds }));
        return (await repo.query('agreements', 'matchId', matchId)).sort((a, b) => a.number - b.number);
      }),

    update: (input) =>
      command(ctx, AgreementEdit, input, async ({ agreementId, expectedVersion, content }, repo) => {
        const agreement = await load(repo, agreementId, 'agreements.edit');
        assertVersion('agreement', agreement, expectedVersion);
        // Only a draft's text may change; anything sent out is frozen. Awaiting signatures may go
        // back to draft, but only through returnToDraft, which drops the signatures and the hash:
        // editing in place would bring into force a text some members never signed.
        assertStatus('agreement', agreementId, agreement.status, 'draft', 'draft');
        return repo.update('agreements', agreement, { content });
      }),

    send: (input) =>
      command(ctx, AgreementRef, input, async ({ agreementId, expectedVersion }, repo) => {
        const agreement = await load(repo, agreementId, 'agreements.edit');
        assertVersion('agreement', agreement, expectedVersion);
        assertTransition('agreement', agreementId, agreement.status, 'awaiting-signatures');
        return repo.update('agreements', agreement, {
          status: 'awaiting-signatures',
          contentHash: hashContent(agreement.content),
          signatures: [],
        });
      }),

    returnToDraft: (input) =>
      command(ctx, AgreementRef, input, async ({ agreementId, expectedVersion }, repo) => {
        const agreement = await load(repo, agreementId, 'agreements.edit');
        assertVersion('agreement', agreement, expectedVersion);
        assertTransition('agreement', agreementId, agreement.status, 'draft');
        return repo.update('agreements', agreement, { status: 'draft', contentHash: null, signatures: [] });
      }),

    sign: (input) =>
      command(ctx, SignInput, input, async ({ agreementId, contentHash }, repo, now) => {
        const agreement = await load(repo, agreementId, 'agreements.sign');
        // Only a version sent for signature can be signed: a draft has no frozen text to sign.
        assertStatus('agreement', agreementId, agreement.status, 'awaiting-signatures', 'in-force');
        if (agreement.contentHash !== contentHash) {
          throw new ConflictError('agreement', agreementId, 'The agreement text changed since you read it. Read it again before signing.');
        }
        const me = ctx.actor.personId;
        if (agreement.signatures.some((s) => s.personId === me)) return agreement; // signing twice changes nothing
        const signatures = [...agreement.signatures, { personId: me, signedAt: now, contentHash }];
        const complete = agreement.signerIds.every((id) => signatures.some((s) => s.personId === id));
        if (!complete) return repo.update('agreements', agreement, { signatures });

        for (const older of await repo.query('agreements', 'matchId', agreement.matchId)) {
          if (older.status === 'in-force') await repo.update('agreements', older, { status: 'superseded' });
        }
        return repo.update('agreements', agreement, { signatures, status: 'in-force' });
      }),

    amend: (input) =>
      command(ctx, AgreementRef, input, async ({ agreementId, expectedVersion }, repo) => {
        const current = await load(repo, agreementId, 'agreements.edit');
        assertVersion('agreement', current, expectedVersion);
        if (current.status !== 'in-force') {
          throw new ConflictError('agreement', agreementId, 'Only the agreement in force can be amended.');
        }
        const versions = await repo.query('agreements', 'matchId', current.matchId);
        const pending = versions.find((a) => a.status === 'draft' || a.status === 'awaiting-signatures');
        if (pending) throw new ConflictError('agreement', pending.id, `Amendment ${pending.number} is already under way.`);
        return repo.insert('agreements', {
          id: ctx.ids(),
          matchId: current.matchId,
          programId: current.programId,
          number: Math.max(...versions.map((a) => a.number)) + 1,
          status: 'draft',
          content: current.content,
          language: current.language,
          contentHash: null,
          signerIds: current.signerIds,
          signatures: [],
        });
      }),
  };
}
