'use client'
import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

export function RebuildButton({ label, done }: { label: string; done: string }) {
  const { config } = useConfig()
  const router = useRouter()
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle')
  return (
    <p>
      <Button
        buttonStyle="primary"
        size="small"
        disabled={state === 'busy'}
        onClick={async () => {
          setState('busy')
          const response = await fetch(`${config.routes.api}/site-builds/rebuild`, { method: 'POST', credentials: 'include' })
          setState(response.ok ? 'done' : 'failed')
          router.refresh()
        }}
      >
        {label}
      </Button>
      {state === 'done' && <span role="status"> {done}</span>}
      {state === 'failed' && <span role="alert"> ✗</span>}
    </p>
  )
}
