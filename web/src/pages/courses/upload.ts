// Course materials travel base64 inside the uploadCourseMaterial mutation. fetch() reports no
// upload progress, so this one mutation goes through XMLHttpRequest (same URL, cookie and CSRF
// header as the urql client) to show real progress: reading the file, then sending it.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CombinedError } from 'urql';

export type UploadPhase = 'reading' | 'sending';

export { contentTypeOf, readFileAsBase64 } from '../../files';

/** Sends one GraphQL operation, reporting the request body's upload progress (0-1). */
export function sendWithProgress<TData, TVars>(
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  onProgress: (fraction: number) => void,
  url = '/graphql',
): Promise<{ data?: TData; error?: CombinedError }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    // errorRequestId() reads the x-request-id header through response.headers.get().
    const response = () => ({ status: xhr.status, headers: { get: (name: string) => xhr.getResponseHeader(name) } }) as unknown as Response;
    xhr.onerror = () => resolve({ error: new CombinedError({ networkError: new Error('Could not reach the server; check your connection and try again'), response: response() }) });
    xhr.onload = () => {
      const body = parseBody<TData>(xhr.responseText);
      if (!body) {
        resolve({ error: new CombinedError({ networkError: new Error(`The server answered ${xhr.status}`), response: response() }) });
        return;
      }
      if (body.errors?.length) {
        resolve({ error: new CombinedError({ graphQLErrors: body.errors as never, response: response() }) });
        return;
      }
      resolve({ data: body.data ?? undefined });
    };
    xhr.send(JSON.stringify({ query: print(document), variables }));
  });
}

interface GraphqlBody<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function parseBody<TData>(text: string): GraphqlBody<TData> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as GraphqlBody<TData>) : null;
  } catch {
    return null;
  }
}
