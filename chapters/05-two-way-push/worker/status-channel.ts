// sendStatus from the client's side: one bidirectional stream on which the
// client reports how it is doing and the server answers each report.
import { ClientMsg, type ContactClient, type Result } from '../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../shared/client.ts';
import { clientIdMetadata } from '../client-id.ts';

/** Sends each of `statuses` in turn and resolves with the server's answers, in order. */
export function reportStatuses(client: ContactClient, clientId: string, statuses: string[], deadlineMs?: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const answers: string[] = [];
    const call = client.sendStatus(clientIdMetadata(clientId), { deadline: deadlineIn(deadlineMs) });
    call.on('data', (result: Result) => answers.push(result.ret));
    call.on('error', reject);
    call.on('end', () => resolve(answers));
    for (const msg of statuses) call.write(new ClientMsg({ msg }));
    call.end(); // half-close: no more statuses; the server's answers keep coming until it ends too
  });
}
