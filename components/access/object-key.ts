/** How the who-can-access form names a table or view in one field: `<type>:<name>`. */
export const objectKey = (object: { type: string; name: string }) => `${object.type}:${object.name}`;

export function parseObjectKey(key: string): { objectType: string; objectName: string } {
  const colon = key.indexOf(":");
  return colon < 0 ? { objectType: "Table", objectName: key } : { objectType: key.slice(0, colon), objectName: key.slice(colon + 1) };
}
