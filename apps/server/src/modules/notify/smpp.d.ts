// The parts of the `smpp` package (no published types) that delivery and its tests use.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  namespace smpp {
    interface PDU {
      command: string;
      command_status: number;
      sequence_number: number;
      [field: string]: unknown;
      response(options?: Record<string, unknown>): PDU;
      isResponse(): boolean;
    }

    interface Session extends EventEmitter {
      send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: () => void): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
      submit_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
      deliver_sm(options: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
      unbind(options?: Record<string, unknown>, callback?: (pdu: PDU) => void): void;
    }

    interface Server extends NetServer {
      listen(port?: number, host?: string, callback?: () => void): this;
    }

    function connect(options: { url: string; auto_enquire_link_period?: number }, listener?: () => void): Session;
    function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
    const ESME_RBINDFAIL: number;
  }
  export = smpp;
}
