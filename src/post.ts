import { cleanUpAfterMain } from './action/post'

await cleanUpAfterMain()
