import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel, formatHours } from '../../format';
import { graphql } from '../../gql';

export const VerifyCertificateQuery = graphql(`
  query VerifyTrainingCertificate($code: String!) {
    verifyTrainingCertificate(code: $code) {
      verificationCode
      courseTitle
      courseKind
      hours
      completedOn
    }
  }
`);

export function VerifyCertificatePage() {
  const [input, setInput] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const c = input.trim();
    if (!c) return setFormError('Enter the code printed on the certificate');
    setFormError(null);
    setCode(c);
  }

  return (
    <>
      <title>Verify a certificate · CPSS Platform</title>
      <h1>Verify a training certificate</h1>
      <p className="lede">Enter the verification code printed on a completion certificate.</p>
      <form className="card form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="verify-code">Verification code</label>
          <input
            id="verify-code"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="off"
            aria-invalid={formError ? true : undefined}
            aria-describedby={formError ? 'verify-error' : undefined}
          />
        </div>
        {formError && (
          <p role="alert" id="verify-error" className="alert alert--error">
            {formError}
          </p>
        )}
        <button type="submit" className="button button--primary">
          Verify
        </button>
      </form>
      {code && <Verification code={code} />}
    </>
  );
}

function Verification({ code }: { code: string }) {
  const [result, reexecute] = useQuery({ query: VerifyCertificateQuery, variables: { code } });
  if (result.error) return <ErrorAlert error={result.error} title="Could not verify the certificate" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading>Checking the code…</Loading>;
  const v = result.data.verifyTrainingCertificate;
  if (!v) {
    return (
      <p role="status" className="alert alert--info" data-testid="verify-unknown">
        No certificate has the code “{code}”. Check the code and try again.
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="verify-result-title" data-testid="verify-result">
      <h2 id="verify-result-title" role="status">
        Valid certificate
      </h2>
      <dl className="facts">
        <div>
          <dt>Code</dt>
          <dd>{v.verificationCode}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>{v.courseTitle}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{courseKindLabel(v.courseKind)}</dd>
        </div>
        <div>
          <dt>Hours</dt>
          <dd>{formatHours(v.hours)}</dd>
        </div>
        <div>
          <dt>Completed on</dt>
          <dd>
            <time dateTime={v.completedOn}>{v.completedOn}</time>
          </dd>
        </div>
      </dl>
    </section>
  );
}
