// Placeholder until the designer is built (see the helper task).
export default function FrameworkDesigner(_props: { documentName: string; me: { userId: string; name: string; colour: string }; canEdit: boolean }) {
  return <p>Designer</p>;
}
