/**
 * The Upward elements in a React 19 page. Objects go in as properties (`client={upward}`: React
 * 19 sets known properties of custom elements), configuration as attributes (`match-id`), and
 * events come back two ways: React 19's `on<event>` props for custom elements, and a ref with
 * `addEventListener` (what older React versions need).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { UpwardSessionLog } from '@upward/elements';
import type { DemoWorld, Who } from './demo-world.ts';

export function App({ world }: { world: DemoWorld }) {
  const [who, setWho] = useState<Who>('mentee');
  const [matchId, setMatchId] = useState(world.matchId);
  const [events, setEvents] = useState<string[]>([]);
  const upward = useMemo(() => world.clientFor(who), [world, who]);
  const sessionLog = useRef<UpwardSessionLog>(null);
  const note = (text: string) => setEvents((list) => [`${new Date().toLocaleTimeString()} ${text}`, ...list].slice(0, 10));

  // The ref way: works in every React version.
  useEffect(() => {
    const el = sessionLog.current;
    if (!el) return;
    const onAdded = (event: CustomEvent<UpwardEventDetails['upward-action-item-added']>) => note(`Action item added: “${event.detail.actionItem.text}”`);
    el.addEventListener('upward-action-item-added', onAdded);
    return () => el.removeEventListener('upward-action-item-added', onAdded);
  }, []);

  return (
    <main>
      <h1>Upward in a React page</h1>
      <p>
        <label htmlFor="who">Acting as</label>
        <select id="who" value={who} onChange={(e) => setWho(e.target.value === 'mentor' ? 'mentor' : 'mentee')}>
          <option value="mentee">{world.names.mentee} (mentee)</option>
          <option value="mentor">{world.names.mentor} (mentor)</option>
        </select>
      </p>

      {/* The elements bring their own headings and labelled sections: wrapping them in another
          section named the same would give screen readers two landmarks of one name. */}
      <div className="element">
        <upward-my-mentoring
          client={upward}
          onupward-open-match={(event) => setMatchId(event.detail.matchId)}
          onupward-match-responded={(event) => note(`Match ${event.detail.accept ? 'accepted' : 'declined'}`)}
          onupward-trial-decided={(event) => note(`Trial decision: ${event.detail.decision}`)}
        />
      </div>

      <div className="element">
        <upward-session-log
          ref={sessionLog}
          client={upward}
          match-id={matchId}
          onupward-session-planned={(event) => note(`Session planned for ${new Date(event.detail.session.scheduledAt).toLocaleString()}`)}
          onupward-session-logged={() => note('Session logged')}
          onupward-error={(event) => note(`Error in ${event.detail.operation}: ${event.detail.error.message}`)}
        />
      </div>

      <section aria-labelledby="events-title">
        <h2 id="events-title">Events React received</h2>
        <ul className="log" aria-live="polite">
          {events.length === 0 ? <li>None yet: plan or log a session.</li> : events.map((text, i) => <li key={`${i}-${text}`}>{text}</li>)}
        </ul>
      </section>
    </main>
  );
}
