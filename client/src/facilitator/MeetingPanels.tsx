import { AgendaPanel } from '../agenda/AgendaPanel';
import { FacilitationPanel } from '../agenda/FacilitationPanel';
import { Controls } from './Controls';

/**
 * The meeting as a whole, at the top of every console's side column whatever the item: the
 * agenda (a facilitator's control) and facilitation, whose "take it back" stays usable (M1, M4).
 */
export function MeetingPanels() {
  return (
    <>
      <Controls>
        <AgendaPanel />
      </Controls>
      <FacilitationPanel />
    </>
  );
}
