// A curriculum developer creates a course draft: its kind, title and hours (face-to-face and
// pre-work). The crosswalk, agenda and materials come next, on the course's own page.
import { Button, Group, Paper } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { fieldProblems } from '../../graphql';
import type { CourseKind } from '../../gql/graphql';
import { CreateCourseMutation } from './documents';
import { CourseFields, type CourseFieldValues } from './CourseFields';
import { MutationError, PRIMARY, CoursesScope } from './shared';

export function NewCoursePage() {
  const navigate = useNavigate();
  const [values, setValues] = useState<CourseFieldValues>({ title: '', kind: null, faceToFaceHours: '', preWorkHours: 0, childAndFamily: false });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [creating, createCourse] = useMutation(CreateCourseMutation);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.title.trim()) problems['title'] = 'Enter the course title';
    if (!values.kind) problems['kind'] = 'Choose the kind of course';
    if (values.faceToFaceHours === '') problems['faceToFaceHours'] = 'Enter the face-to-face hours';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const r = await createCourse({
      input: {
        title: values.title.trim(),
        kind: values.kind as CourseKind,
        faceToFaceHours: Number(values.faceToFaceHours),
        preWorkHours: values.preWorkHours === '' ? 0 : Number(values.preWorkHours),
        childAndFamily: values.childAndFamily,
      },
    });
    if (r.data) navigate(`/courses/${r.data.createCourse.id}`);
  }

  return (
    <CoursesScope>
      <title>New course · CPSS Platform</title>
      <p>
        <Link to="/courses">← Courses</Link>
      </p>
      <h1>New course</h1>
      <p className="lede">Create the course first; then say where each core concept is taught, upload the materials and submit it for approval.</p>
      <Paper withBorder p="lg" maw={640}>
        <form onSubmit={submit} noValidate aria-busy={creating.fetching} data-testid="new-course-form">
          <MutationError error={creating.error} what="The course was not created" onReload={() => undefined} placedFields={['title', 'kind', 'faceToFaceHours', 'preWorkHours', 'childAndFamily']} />
          <CourseFields idPrefix="new-course" values={values} onChange={setValues} local={local} problems={fieldProblems(creating.error)} />
          <Group mt="lg">
            <Button type="submit" color={PRIMARY} loading={creating.fetching}>
              Create course
            </Button>
            <Link to="/courses">Cancel</Link>
          </Group>
        </form>
      </Paper>
    </CoursesScope>
  );
}
