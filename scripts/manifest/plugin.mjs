// The analyzer plugin behind custom-elements.json: what the JSDoc and the analyzer alone get wrong or
// leave out, fixed from the TypeScript program itself, so every element is described the same way.
import ts from 'typescript';

/** The file whose `PortalEventDetails` interface types every `portal-*` event's `detail`. */
const EVENTS_FILE = 'src/core/events.ts';

/** A union of literal types (`'a' | 'b'`, `InvoiceFilter`) written out, or null for any other type. */
function literalUnion(checker, type) {
  const parts = type.isUnion() ? type.types : [type];
  const literals = parts.filter((part) => !(part.flags & ts.TypeFlags.Undefined));
  const isLiteral = (part) =>
    part.isStringLiteral() || part.isNumberLiteral() || part.flags & ts.TypeFlags.BooleanLiteral;
  if (literals.length < 2 || !literals.every(isLiteral)) return null;
  if (literals.every((part) => part.flags & ts.TypeFlags.BooleanLiteral)) return null;
  const optional = literals.length < parts.length;
  const text = literals.map((part) => checker.typeToString(part)).join(' | ');
  return { text, optional };
}

/** The class declarations of the program, by name and source file. */
function classesOf(program, fileName) {
  const source = program.getSourceFile(fileName);
  const found = new Map();
  source?.forEachChild((node) => {
    if (ts.isClassDeclaration(node) && node.name) found.set(node.name.text, node);
  });
  return found;
}

/** Names of members marked `@internal` anywhere: public to TypeScript, not to a page. */
function internalMembers(program, files) {
  const names = new Set();
  for (const file of files) {
    for (const declaration of classesOf(program, file).values()) {
      for (const member of declaration.members) {
        if (member.name && ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal')) {
          names.add(member.name.getText());
        }
      }
    }
  }
  return names;
}

/** `PortalEventDetails`: event name → its detail's type as written there (`{ receipt: PaymentReceipt }`). */
function eventDetails(program) {
  const source = program.getSourceFile(EVENTS_FILE);
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const details = new Map();
  source?.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'PortalEventDetails') return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const text = printer.printNode(ts.EmitHint.Unspecified, member.type, source);
      details.set(member.name.text, text.replace(/\s+/g, ' '));
    }
  });
  return details;
}

export function portalManifestPlugin() {
  return {
    name: 'portal-elements',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const files = manifest.modules.map((module) => module.path);
      const program = ts.createProgram([...files, EVENTS_FILE], {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        experimentalDecorators: true,
        useDefineForClassFields: false,
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      });
      const checker = program.getTypeChecker();
      const internal = internalMembers(program, files);
      const details = eventDetails(program);
      const problems = [];

      for (const module of manifest.modules) {
        module.path = module.path.replace(/^\//, '');
        for (const exported of module.exports ?? []) {
          if (exported.declaration?.module)
            exported.declaration.module = exported.declaration.module.replace(/^\//, '');
        }
        const classes = classesOf(program, module.path);
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          // The class text is the description; `@summary` (the first sentence shown in lists) leads it.
          if (declaration.summary) {
            declaration.description = [declaration.summary, declaration.description]
              .filter(Boolean)
              .join('\n\n');
            delete declaration.summary;
          }
          const classNode = classes.get(declaration.name);
          const classType = classNode ? checker.getTypeAtLocation(classNode) : null;
          const typeOf = (name) => {
            const symbol = classType?.getProperty(name);
            return symbol ? checker.getTypeOfSymbolAtLocation(symbol, classNode) : null;
          };

          // Only what a page may use: public, not static (messages, styles), not marked @internal.
          declaration.members = (declaration.members ?? []).filter(
            (member) =>
              !member.static &&
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.name.startsWith('#') &&
              !internal.has(member.name),
          );
          for (const member of declaration.members) {
            const type = member.kind === 'field' ? typeOf(member.name) : null;
            const union = type && literalUnion(checker, type);
            if (union) member.type = { text: union.optional ? `${union.text} | undefined` : union.text };
          }
          for (const attribute of declaration.attributes ?? []) {
            const type = attribute.fieldName ? typeOf(attribute.fieldName) : null;
            if (!type) continue;
            const union = literalUnion(checker, type);
            const text = union?.text ?? checker.typeToString(checker.getNonNullableType(type));
            attribute.type = { text };
          }
          // Every event is a CustomEvent whose detail PortalEventDetails types; the tag is `@fires`.
          for (const event of declaration.events ?? []) {
            const detail = details.get(event.name);
            if (detail) event.type = { text: `CustomEvent<${detail}>` };
            else
              problems.push(
                `${declaration.name}: @fires ${event.name} is not in PortalEventDetails (${EVENTS_FILE})`,
              );
          }
        }
      }
      if (problems.length > 0) throw new Error(`custom-elements.json:\n  ${problems.join('\n  ')}`);

      // Only the modules that declare or define an element (and the base class they inherit from).
      manifest.modules = manifest.modules.filter(
        (module) =>
          (module.declarations ?? []).some((each) => each.customElement || each.tagName) ||
          (module.exports ?? []).some((each) => each.kind === 'custom-element-definition'),
      );
    },
  };
}
