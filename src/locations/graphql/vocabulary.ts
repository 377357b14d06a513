import { builder } from '../../graphql/builder.ts';
import { ATTRIBUTES, type AttributeDefinition } from '../attributes.ts';
import { CATEGORIES, type Category } from '../categories.ts';

const CategoryRef = builder.objectRef<Category>('Category').implement({
  description: "A Tenpo business category; connectors map it to each platform's taxonomy.",
  fields: (t) => ({
    id: t.exposeString('id'),
    nameEn: t.exposeString('en'),
    nameJa: t.exposeString('ja'),
    parent: t.exposeString('parent', { nullable: true }),
  }),
});

const AttributeKindEnum = builder.enumType('AttributeKind', { values: ['BOOLEAN', 'ENUM', 'ENUM_LIST', 'URL'] as const });

const AttributeDefinitionRef = builder.objectRef<AttributeDefinition>('AttributeDefinition').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    kind: t.field({ type: AttributeKindEnum, resolve: (a) => a.kind }),
    values: t.stringList({ description: 'Allowed values for ENUM and ENUM_LIST.', resolve: (a) => [...(a.values ?? [])] }),
    nameEn: t.exposeString('en'),
    nameJa: t.exposeString('ja'),
  }),
});

builder.queryFields((t) => ({
  categories: t.field({
    type: [CategoryRef],
    description: 'The category vocabulary; `search` matches ids and English or Japanese names.',
    args: { search: t.arg.string({ required: false }) },
    resolve: (_r, { search }) => {
      const needle = search?.trim().toLowerCase();
      if (!needle) return [...CATEGORIES];
      return CATEGORIES.filter((c) => c.id.includes(needle) || c.en.toLowerCase().includes(needle) || c.ja.includes(needle));
    },
  }),
  attributeDefinitions: t.field({
    type: [AttributeDefinitionRef],
    resolve: () => [...ATTRIBUTES],
  }),
}));
