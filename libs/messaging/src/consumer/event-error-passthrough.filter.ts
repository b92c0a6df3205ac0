import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC exception handler replaces every error with a generic
 * "Internal server error"; the consumer needs the original to tell a poison event
 * (no retry) from a transient failure, and to put the real reason in the DLQ headers.
 */
@Catch()
export class EventErrorPassthroughFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
