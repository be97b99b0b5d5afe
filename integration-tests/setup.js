// Each test file boots its own Medusa app; MikroORM keeps entity metadata
// in a global store that must be cleared between them.
const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()
