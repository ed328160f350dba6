/** An application's files as download links (/api/files/:id decides who may download and logs it), or a note. */
export function AttachmentList({
  files,
  title,
  downloadLabel,
  empty,
}: {
  files: { id: string; fileName: string }[];
  title: string;
  downloadLabel: (name: string) => string;
  empty: string;
}) {
  return (
    <section aria-labelledby="files-title" className="space-y-2">
      <h3 id="files-title" className="text-lg font-semibold">
        {title}
      </h3>
      {files.length ? (
        <ul className="m-0 list-disc space-y-1 ps-6">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/files/${f.id}`} aria-label={downloadLabel(f.fileName)} className="break-all">
                {f.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{empty}</p>
      )}
    </section>
  );
}
