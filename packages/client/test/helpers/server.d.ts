import { type IncomingMessage, type ServerResponse } from 'node:http';
export interface RecordedRequest {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: Buffer;
}
export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer, index: number) => void | Promise<void>;
export interface TestServer {
    url: string;
    requests: RecordedRequest[];
    close(): Promise<void>;
}
export declare function startServer(handler: Handler): Promise<TestServer>;
export declare function json(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
export declare const errorBody: (error: string, message: string, errors?: {
    field: string;
    message: string;
}[]) => {
    errors?: {
        field: string;
        message: string;
    }[] | undefined;
    error: string;
    message: string;
    correlationId: string;
};
