// The one place that touches fast-xml-parser, so the XML library can be swapped.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlProblem {
  message: string;
  line: number;
}

/** Where a document is not well-formed XML, or undefined when it is. */
export function xmlProblem(text: string): XmlProblem | undefined {
  const valid = XMLValidator.validate(text);
  return valid === true ? undefined : { message: valid.err.msg, line: valid.err.line };
}

/** Parses XML into plain objects: attributes as "@name", text as "#text", listed tags always arrays. */
export function parseXml(text: string, arrayTags: string[]): { value?: unknown; problem?: XmlProblem } {
  const problem = xmlProblem(text);
  if (problem) return { problem };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tagName) => arrayTags.includes(tagName),
  });
  return { value: parser.parse(text) };
}
