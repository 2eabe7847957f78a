// The licences of the third-party packages in the bundle, for dist/licenses.txt.
// Which packages are bundled comes from esbuild's metafile: a package counts when at
// least one of its files put bytes into an output file (a package whose code was all
// tree-shaken away is not shipped, so it is not listed). The build fails on a package
// without a licence, with a licence outside ALLOWED, or without a licence text to ship.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** SPDX identifiers of the licences allowed in the bundle: permissive ones only. */
export const ALLOWED = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'BSL-1.0',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Python-2.0'
])

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i
const NOTICE_FILE = /^notice([.-].*)?$/i

/** `node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c` */
function packageRoot(input) {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]
}

/** Is an SPDX expression satisfied by the allowed licences? `OR`: one side; `AND`: both. */
export function allowedExpression(expression) {
  const text = expression.trim()
  if (text.startsWith('(') && text.endsWith(')')) {
    // Only strip parentheses that enclose the whole expression.
    let depth = 0
    let encloses = true
    for (let i = 0; i < text.length - 1; i++) {
      depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0
      if (depth === 0) encloses = false
    }
    if (encloses) return allowedExpression(text.slice(1, -1))
  }
  for (const operator of [' OR ', ' AND ']) {
    let depth = 0
    for (let i = 0; i < text.length; i++) {
      depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0
      if (depth === 0 && text.startsWith(operator, i)) {
        const left = allowedExpression(text.slice(0, i))
        const right = allowedExpression(text.slice(i + operator.length))
        return operator === ' OR ' ? left || right : left && right
      }
    }
  }
  return ALLOWED.has(text)
}

/** The SPDX expression a package.json declares, or undefined. */
function declaredLicense(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (typeof pkg.license?.type === 'string') return pkg.license.type
  // The deprecated form: `licenses: [{ type }]`, any one of which applies.
  if (Array.isArray(pkg.licenses) && pkg.licenses.length > 0)
    return pkg.licenses.map(entry => entry.type ?? entry).join(' OR ')
  return undefined
}

/** A file's text with LF line ends and no trailing blank lines. */
function readText(path) {
  return readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').trimEnd()
}

/**
 * The bundled packages of a metafile, sorted by name and version: name, version,
 * licence and licence text (with the NOTICE file, when the package has one).
 * Throws one error listing every package that breaks the rules.
 */
export function bundledPackages(metafile, root) {
  const roots = new Set()
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const packageDir = packageRoot(input)
      if (packageDir !== undefined && bytesInOutput > 0) roots.add(packageDir)
    }
  const problems = []
  const packages = new Map()
  for (const dir of roots) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
    const id = `${pkg.name}@${pkg.version}`
    if (packages.has(id)) continue
    const license = declaredLicense(pkg)
    const files = readdirSync(join(root, dir)).sort()
    const licenseFiles = files.filter(name => LICENSE_FILE.test(name))
    const noticeFiles = files.filter(name => NOTICE_FILE.test(name))
    if (license === undefined) problems.push(`${id} (${dir}) declares no licence`)
    else if (!allowedExpression(license))
      problems.push(`${id} (${dir}) is licensed ${license}, which is not in the allow-list`)
    else if (licenseFiles.length === 0)
      problems.push(`${id} (${dir}) ships no LICENSE file to reproduce`)
    const text = [...licenseFiles, ...noticeFiles]
      .map(name => readText(join(root, dir, name)))
      .join('\n\n')
    packages.set(id, { name: pkg.name, version: pkg.version, license, text })
  }
  if (problems.length > 0)
    throw new Error(
      `licence check failed (scripts/licenses.mjs):\n  ${problems.sort().join('\n  ')}\n` +
        `Allowed: ${[...ALLOWED].join(', ')}.`
    )
  return [...packages.values()].sort(
    (a, b) => compare(a.name, b.name) || compare(a.version, b.version)
  )
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

/** dist/licenses.txt: the list of packages, then each distinct licence text once. */
export function licensesFile(packages) {
  const rule = '='.repeat(80)
  const texts = new Map()
  for (const pkg of packages) {
    const users = texts.get(pkg.text) ?? []
    users.push(pkg)
    texts.set(pkg.text, users)
  }
  const lines = [
    'Third-party software bundled in dist/ (generated by scripts/bundle.mjs; do not edit).',
    '',
    `${packages.length} packages, each with its version and licence (SPDX):`,
    '',
    ...packages.map(pkg => `${pkg.name} ${pkg.version}: ${pkg.license}`),
    ''
  ]
  for (const [text, users] of texts) {
    lines.push(rule)
    lines.push(
      `The licence text of ${users.length === 1 ? 'this package' : `these ${users.length} packages`}:`
    )
    for (const pkg of users) lines.push(`  ${pkg.name} ${pkg.version} (${pkg.license})`)
    lines.push(rule, '', text, '')
  }
  return `${lines.join('\n')}`
}
